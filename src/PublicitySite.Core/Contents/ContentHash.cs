using System.Security.Cryptography;
using System.Text;

namespace PublicitySite.Contents;

/// <summary>SHA-256 of what a version says, so an approval can be tied to exactly the text approved.</summary>
internal static class ContentHash
{
    public static string Compute(string contentType, string title, string? slug, string? column, string data)
    {
        var text = string.Join('\n', contentType, title, slug ?? "", column ?? "", data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
