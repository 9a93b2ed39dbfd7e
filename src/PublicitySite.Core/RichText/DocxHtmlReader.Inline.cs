using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace PublicitySite.RichText;

public static partial class DocxHtmlReader
{
    private sealed partial class Walk
    {
        /// <summary>A paragraph's runs as inline HTML, and the figures of its pictures (placed after it: a figure cannot sit in a paragraph).</summary>
        private (string Html, List<string> Figures) Inline(OpenXmlElement paragraph)
        {
            var text = new StringBuilder();
            var figures = new List<string>();
            foreach (var element in paragraph.ChildElements)
            {
                switch (element)
                {
                    case Run run:
                        Run(run, text, figures);
                        break;
                    case Hyperlink link:
                        var (inner, more) = Inline(link);
                        figures.AddRange(more);
                        text.Append(Link(link, inner));
                        break;
                    case SimpleField or SdtRun or InsertedRun:
                        var (fieldText, fieldFigures) = Inline(element);
                        figures.AddRange(fieldFigures);
                        text.Append(fieldText);
                        break;
                }
            }

            return (text.ToString().Trim(), figures);
        }

        private string Link(Hyperlink link, string inner)
        {
            if (inner.Length == 0)
            {
                return "";
            }

            var address = link.Id?.Value is { } id ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.ToString() : null;
            return address is null || !(address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                ? inner
                : "<a href=\"" + WebUtility.HtmlEncode(address) + "\">" + inner + "</a>";
        }

        private void Run(Run run, StringBuilder text, List<string> figures)
        {
            var words = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        words.Append(WebUtility.HtmlEncode(t.Text));
                        break;
                    case TabChar:
                        words.Append('　');
                        break;
                    case Break b when b.Type?.Value != BreakValues.Page:
                        words.Append("<br>");
                        break;
                    case Drawing drawing when Picture(drawing) is { } figure:
                        figures.Add(figure);
                        break;
                    case FootnoteReference note when note.Id?.Value is { } id:
                        var n = footnoteNumbers.TryGetValue(id, out var known) ? known : footnoteNumbers[id] = footnoteNumbers.Count + 1;
                        text.Append("<sup><a id=\"fnref").Append(n).Append("\" href=\"#fn").Append(n).Append("\">[").Append(n).Append("]</a></sup>");
                        break;
                }
            }

            if (words.Length == 0)
            {
                return;
            }

            var p = run.RunProperties;
            var html = words.ToString();
            html = On(p?.Bold) ? "<strong>" + html + "</strong>" : html;
            html = On(p?.Italic) ? "<em>" + html + "</em>" : html;
            html = p?.Underline?.Val?.Value is { } u && u != UnderlineValues.None ? "<u>" + html + "</u>" : html;
            var position = p?.VerticalTextAlignment?.Val?.Value;
            html = position == VerticalPositionValues.Superscript ? "<sup>" + html + "</sup>" : position == VerticalPositionValues.Subscript ? "<sub>" + html + "</sub>" : html;
            text.Append(html);
        }

        /// <summary>Bold and italic are on when present, unless their value says off.</summary>
        private static bool On(OnOffType? flag) => flag is not null && (flag.Val is null || flag.Val.Value);

        private string? Picture(Drawing drawing)
        {
            var blip = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().FirstOrDefault();
            if (blip?.Embed?.Value is not { } embed || main.GetPartById(embed) is not ImagePart part)
            {
                return null;
            }

            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var properties = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault();
            var alt = properties?.Description?.Value is { Length: > 0 } description ? description : properties?.Title?.Value;
            var placeholder = "docx-picture:" + (pictures.Count + 1);
            var extension = part.ContentType switch
            {
                "image/png" => ".png",
                "image/gif" => ".gif",
                "image/webp" => ".webp",
                _ => ".jpg",
            };
            pictures.Add(new DocxPicture(placeholder, copy.ToArray(), $"Word图片{pictures.Count + 1}{extension}", string.IsNullOrWhiteSpace(alt) ? null : alt.Trim()));
            return "<figure class=\"image size-large\"><img src=\"" + placeholder + "\" alt=\"" + WebUtility.HtmlEncode(alt?.Trim() ?? "") + "\"></figure>";
        }

        /// <summary>Numbered or bulleted, and its level, from the paragraph's numbering (its own or its style's).</summary>
        private (string Tag, int Level)? ListOf(Paragraph paragraph)
        {
            var numbering = paragraph.ParagraphProperties?.NumberingProperties;
            if (numbering?.NumberingId?.Val?.Value is not { } numId || numId == 0)
            {
                return null;
            }

            var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var format = definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.Value;
            return (format == NumberFormatValues.Bullet ? "ul" : "ol", Math.Clamp(level, 0, 8));
        }

        private void ListItem(string tag, int level, string inline)
        {
            // Deeper levels open a list inside the previous item; shallower ones close back to their level.
            while (lists.Count > 0 && (lists.Peek().Level > level || (lists.Peek().Level == level && lists.Peek().Tag != tag)))
            {
                CloseOne();
            }

            if (lists.Count > 0 && lists.Peek().Level == level)
            {
                html.Append("</li>");
            }
            else
            {
                // A deeper level opens its list inside the parent's item, which is still open.
                html.Append('<').Append(tag).Append('>');
                lists.Push((tag, level));
            }

            html.Append("<li>").Append(inline);
        }

        private void CloseLists(int level)
        {
            while (lists.Count > 0 && lists.Peek().Level > level)
            {
                CloseOne();
            }
        }

        private void CloseOne()
        {
            var (tag, _) = lists.Pop();
            html.Append("</li></").Append(tag).Append('>');
        }
    }
}
