using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicitySite.Seeding;

/// <summary>A Markdown file's YAML front matter as JSON, and the body after it.</summary>
internal sealed record FrontMatter(JsonObject Values, string Body)
{
    /// <summary>Parses <c>---</c> YAML <c>---</c> then Markdown. Throws <see cref="FormatException"/> with the reason.</summary>
    public static FrontMatter Parse(string text)
    {
        text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("文件没有以元数据的开头行 --- 开始");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("元数据没有结束行 ---");
        }

        var yaml = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"元数据第 {ex.Start.Line + 1} 行：{ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException("元数据不是“键: 值”形式的行");
        }

        return new FrontMatter((JsonObject)ToJson(root)!, body.Trim('\n'));
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };
}
