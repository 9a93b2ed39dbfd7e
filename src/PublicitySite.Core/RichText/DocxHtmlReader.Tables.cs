using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublicitySite.RichText;

public static partial class DocxHtmlReader
{
    private sealed partial class Walk
    {
        /// <summary>
        /// A table with Word's merges: a horizontal merge (gridSpan) is colspan; a vertical one starts with
        /// vMerge=restart and continues in the same grid column below, which becomes rowspan on the first cell.
        /// </summary>
        private void Table(Table table)
        {
            tables++;
            var rows = table.Elements<TableRow>().ToList();
            var grid = rows.Select(Cells).ToList();
            var figures = new List<string>();
            html.Append("<table>");
            var headerRows = rows.TakeWhile(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null).Count();
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == 0)
                {
                    html.Append(headerRows > 0 ? "<thead>" : "<tbody>");
                }
                else if (r == headerRows)
                {
                    html.Append("</thead><tbody>");
                }

                var tag = r < headerRows ? "th" : "td";
                html.Append("<tr>");
                foreach (var (cell, column, span) in grid[r])
                {
                    var merge = cell.TableCellProperties?.VerticalMerge;
                    if (merge is not null && merge.Val?.Value != MergedCellValues.Restart)
                    {
                        continue; // covered by the rowspan of the cell above
                    }

                    var rowspan = 1;
                    if (merge is not null)
                    {
                        while (r + rowspan < rows.Count && grid[r + rowspan].FirstOrDefault(c => c.Column == column) is { } below
                            && below.Cell.TableCellProperties?.VerticalMerge is { } m && m.Val?.Value != MergedCellValues.Restart)
                        {
                            rowspan++;
                        }
                    }

                    html.Append('<').Append(tag);
                    if (span > 1)
                    {
                        html.Append(" colspan=\"").Append(span).Append('"');
                    }

                    if (rowspan > 1)
                    {
                        html.Append(" rowspan=\"").Append(rowspan).Append('"');
                    }

                    html.Append('>').Append(CellText(cell, figures)).Append("</").Append(tag).Append('>');
                }

                html.Append("</tr>");
            }

            html.Append(rows.Count == 0 ? "" : headerRows == rows.Count ? "</thead>" : "</tbody>").Append("</table>");
            figures.ForEach(f => html.Append(f)); // a figure cannot sit in a cell's text: the table's pictures follow it
        }

        private static List<(TableCell Cell, int Column, int Span)> Cells(TableRow row)
        {
            var cells = new List<(TableCell, int, int)>();
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                cells.Add((cell, column, span));
                column += span;
            }

            return cells;
        }

        /// <summary>A cell's paragraphs, one line each; nested tables are read as their text.</summary>
        private string CellText(TableCell cell, List<string> figures)
        {
            var lines = new List<string>();
            foreach (var paragraph in cell.Descendants<Paragraph>())
            {
                var (inline, pictured) = Inline(paragraph);
                if (inline.Length > 0)
                {
                    lines.Add(inline);
                }

                figures.AddRange(pictured);
            }

            return string.Join("<br>", lines);
        }

        /// <summary>The document's footnotes, numbered in the order the text refers to them, after the body.</summary>
        private void Footnotes()
        {
            var notes = main.FootnotesPart?.Footnotes;
            if (footnoteNumbers.Count == 0 || notes is null)
            {
                return;
            }

            html.Append("<hr><h2>注释</h2><ol>");
            foreach (var (id, n) in footnoteNumbers.OrderBy(p => p.Value))
            {
                var note = notes.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id);
                var text = new StringBuilder();
                foreach (var paragraph in note?.Elements<Paragraph>() ?? [])
                {
                    var (inline, _) = Inline(paragraph);
                    text.Append(text.Length > 0 && inline.Length > 0 ? " " : "").Append(inline);
                }

                html.Append("<li id=\"fn").Append(n).Append("\">").Append(text).Append(" <a href=\"#fnref").Append(n).Append("\">↩</a></li>");
            }

            html.Append("</ol>");
        }
    }
}
