using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.RichText;

/// <summary>Clipboard HTML as Word 2016+, WPS and a browser put it there (files under RichText/Corpus/).</summary>
public static class OfficePasteCorpus
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "PublicitySite.Tests", "RichText", "Corpus");

    public static string Word => File.ReadAllText(Path.Combine(Folder, "word2016.html"));

    public static string Wps => File.ReadAllText(Path.Combine(Folder, "wps.html"));

    public static string WebPage => File.ReadAllText(Path.Combine(Folder, "webpage.html"));

    /// <summary>The vectors the site's other tests already use, and the classic ones a paste could bring.</summary>
    public static readonly string[] XssVectors =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"/media/abcdefabcdef\" onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "<a href=\"&#106;avascript:alert(1)\">点我</a>",
        "<a href=\"  JaVaScRiPt:alert(1)\">点我</a>",
        "<svg onload=alert(1)><circle r=\"5\"/></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<details open ontoggle=alert(1)>x</details>",
        "<p style=\"background:url(javascript:alert(1))\">样式</p>",
        "<form action=\"https://evil.example\"><input name=q><button>提交</button></form>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<table><td background=\"javascript:alert(1)\" onmouseover=\"alert(1)\">格</td></table>",
        "<figure class=\"image\"><img src=\"/media/abcdefabcdef\" alt=\"x\" onload=\"alert(1)\"><figcaption onclick=\"alert(1)\">说明</figcaption></figure>",
        "<p id=\"main\" class=\"align-center evil\">clobber</p>",
        "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->正文",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">数据</a>",
        "<body onload=alert(1)>正文</body>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", // an unclosed <style>: swallows what follows
    ];

    /// <summary>What must never appear in anything rendered from a body.</summary>
    public static void AssertInert(string html)
    {
        foreach (var bad in new[] { "<script", "onerror", "onload", "ontoggle", "onclick", "onmouseover", "javascript:", "<iframe", "<svg", "<object", "<embed", "<form", "<input", "<meta", "data:text", "background=" })
        {
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
