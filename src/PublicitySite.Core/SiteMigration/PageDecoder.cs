using System.Text;
using System.Text.RegularExpressions;

namespace PublicitySite.SiteMigration;

/// <summary>
/// Text of an old page in whatever encoding it was written: the <c>charset</c> of its Content-Type, a byte
/// order mark, a <c>&lt;meta charset&gt;</c> near the top, else UTF-8 if the bytes are valid UTF-8, else GBK
/// (many old Chinese sites never said). GB2312 and GBK are read as GB18030, which contains both.
/// </summary>
internal static partial class PageDecoder
{
    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? contentTypeCharset)
    {
        var encoding = Named(contentTypeCharset) ?? Bom(bytes) ?? Named(MetaCharset(bytes)) ?? (IsUtf8(bytes) ? Encoding.UTF8 : Encoding.GetEncoding("GB18030"));
        var text = encoding.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    public static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "gb18030" or "cp936" or "windows-936")
        {
            return Encoding.GetEncoding("GB18030");
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? Bom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? Encoding.UTF8
        : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Encoding.Unicode
        : bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode
        : null;

    /// <summary>The head is ASCII in every encoding these sites use, so it can be read before the page is.</summary>
    private static string? MetaCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = MetaPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaPattern();
}
