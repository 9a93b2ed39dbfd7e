using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PublicitySite.Contents;

/// <summary>JSON as stored and served: CJK written as characters, not \u escapes, because people read it.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
