using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace PublicitySite.RichText;

/// <summary>
/// The sanitisers parse without a CSS engine. Neither keeps a style (the look of a body comes from the theme
/// and the editor's classes), so the engine would only be loaded to throw styles away: about 6 MB, and nearly
/// a thousand types, held from the first page with a body on. A style attribute is removed unread.
/// </summary>
internal static class CsslessParsing
{
    public static HtmlSanitizer WithoutCss(this HtmlSanitizer sanitizer)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        if (sanitizer.AllowedAttributes.Contains("style") || sanitizer.AllowedTags.Contains("style"))
        {
            // Allowed styles must be read to be checked, which needs the engine this leaves out.
            throw new InvalidOperationException("A sanitiser that keeps styles needs the CSS engine.");
        }

        sanitizer.HtmlParserFactory = () => new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));
        return sanitizer;
    }
}
