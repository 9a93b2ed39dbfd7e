using System.Text;

namespace PublicitySite.Web.Feeds;

/// <summary>
/// Writes the feeds and the sitemap: elements, attributes and text, indented, UTF-8. These few documents are all
/// the public site writes as XML, and the framework's XmlWriter would load the whole XML library for them
/// (about 3 MB held from the first feed read on). Characters XML cannot carry (control characters, a lone
/// surrogate) are dropped rather than failing the feed.
/// </summary>
internal sealed class FeedXml
{
    private readonly StringBuilder output = new("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    private readonly Stack<(string Name, bool HasChildren)> open = new();
    private bool tagOpen;

    public void WriteStartElement(string name, string? xmlns = null)
    {
        CloseTag();
        if (open.TryPop(out var parent))
        {
            open.Push((parent.Name, true));
        }

        output.Append('\n').Append(' ', open.Count * 2).Append('<').Append(name);
        if (xmlns is not null)
        {
            WriteAttributeString("xmlns", xmlns);
        }

        open.Push((name, false));
        tagOpen = true;
    }

    public void WriteAttributeString(string name, string value)
    {
        output.Append(' ').Append(name).Append("=\"");
        Escape(value, attribute: true);
        output.Append('"');
    }

    public void WriteString(string text)
    {
        CloseTag();
        Escape(text, attribute: false);
    }

    public void WriteElementString(string name, string text)
    {
        WriteStartElement(name);
        WriteString(text);
        WriteEndElement();
    }

    public void WriteEndElement()
    {
        var (name, hasChildren) = open.Pop();
        if (tagOpen && !hasChildren && output[^1] != '>')
        {
            output.Append(" />");
            tagOpen = false;
            return;
        }

        CloseTag();
        if (hasChildren)
        {
            output.Append('\n').Append(' ', open.Count * 2);
        }

        output.Append("</").Append(name).Append('>');
    }

    public override string ToString() => output.ToString();

    private void CloseTag()
    {
        if (tagOpen)
        {
            output.Append('>');
            tagOpen = false;
        }
    }

    private void Escape(string text, bool attribute)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"' when attribute: output.Append("&quot;"); break;
                case '\t' or '\n' or '\r' when attribute: output.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';'); break;
                case '\t' or '\n' or '\r': output.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    output.Append(c).Append(text[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF': break;
                default: output.Append(c); break;
            }
        }
    }
}
