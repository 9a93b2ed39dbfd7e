using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using FieldType = PublicitySite.Contents.Definitions.FieldType;

namespace PublicitySite.Search;

/// <summary>
/// Turns the versions of one item into index documents: the published version (for readers) and the latest
/// (for the office) — one document when they are the same. Only the public copy of the data is read, so a
/// field marked private never reaches the index; a proposal whose proposer refused publication is never
/// searchable by the public.
/// </summary>
internal sealed class SearchDocumentBuilder(SiteDefinitionStore definitions, DomainDictionary dictionary)
{
    private static readonly HashSet<string> NameFields = ["Proposers", "Author", "Narrator", "Compiler", "Supervisor"];

    /// <param name="proposalStatus">
    /// For a proposal, its status as the office's recorded steps make it (the proposal record); without it the
    /// last step of the timeline in the version's data stands in.
    /// </param>
    public IReadOnlyList<Document> Build(ContentItem item, IReadOnlyList<ContentItemVersion> versions, string? proposalStatus = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(versions);
        var docs = new List<Document>(2);
        if (item.Deleted)
        {
            return docs;
        }

        foreach (var version in versions.Where(v => v.Published || v.Latest))
        {
            if (Build(item, version, proposalStatus) is { } doc)
            {
                docs.Add(doc);
            }
        }

        return docs;
    }

    private Document? Build(ContentItem item, ContentItemVersion version, string? proposalStatus)
    {
        var site = definitions.Current;
        if (site.FindType(version.ContentType) is not { } type)
        {
            return null;
        }

        var data = ContentData.PublicCopy(site, type, ContentData.Parse(version.Data));
        var isProposal = data["ProposalPart"] is JsonObject;
        var proposalPublic = !isProposal || ContentData.GetBool(data, "ProposalPart", "Public");
        var isPublic = version.Published && proposalPublic;
        if (!isPublic && !version.Latest)
        {
            return null;
        }

        var names = new StringBuilder();
        var meta = new StringBuilder();
        var body = new StringBuilder();
        var summary = ContentData.GetString(data, BuiltInParts.Summary, "Summary");
        var text = RichText.BodyRenderer.ToIndexText(RichText.RichBody.Of(data));
        if (type.Name == "Member")
        {
            Append(names, version.Title);
        }

        Append(meta, version.Column);
        foreach (var tag in ContentData.GetList(data, BuiltInParts.Tags, "Tags"))
        {
            Append(meta, tag);
        }

        Append(meta, ContentData.GetString(data, BuiltInParts.Byline, "Source"));
        Append(names, ContentData.GetString(data, BuiltInParts.Byline, "Author"));
        foreach (var (part, field) in site.FieldsOf(type).Where(p => !BuiltInParts.IsBuiltIn(p.Part.Name)))
        {
            if (field.Type == FieldType.Markdown && data[part.Name] is JsonObject rich)
            {
                Append(body, RichText.BodyRenderer.ToIndexText(RichText.RichBody.Of(rich, part.Name, field.Name)));
            }
            else if (data[part.Name] is JsonObject values && values[field.Name] is { } value)
            {
                var target = field.Type == FieldType.Markdown ? body : NameFields.Contains(field.Name) ? names : meta;
                CollectText(field, value, target, body);
            }
        }

        var plain = string.IsNullOrWhiteSpace(summary) ? text : summary + "\n" + text;
        var date = version.PublishedUtc ?? item.FirstPublishedUtc ?? version.ModifiedUtc;
        var doc = new Document
        {
            new StringField(SearchFields.Id, item.Id, Field.Store.YES),
            new StoredField(SearchFields.StoredVersion, version.Number),
            new StoredField(SearchFields.StoredState, version.Status.ToString()),
            new StoredField(SearchFields.StoredTitle, version.Title),
            new StoredField(SearchFields.StoredText, plain),
            new NumericDocValuesField(SearchFields.Date, date.Ticks),
            new StoredField(SearchFields.Date, date.Ticks),
            new TextField(SearchFields.Title, TextFolding.Fold(version.Title), Field.Store.NO),
            new TextField(SearchFields.TitleWords, TextFolding.Fold(version.Title), Field.Store.NO),
            new TextField(SearchFields.Names, TextFolding.Fold(names.ToString()), Field.Store.NO),
            new TextField(SearchFields.Meta, TextFolding.Fold(meta.ToString()), Field.Store.NO),
            new TextField(SearchFields.Body, TextFolding.Fold(plain + "\n" + body), Field.Store.NO),
        };
        foreach (var name in names.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            dictionary.AddName(name);
            doc.Add(new StringField(SearchFields.NameTerms, name, Field.Store.NO));
        }

        if (isPublic)
        {
            doc.Add(new StringField(SearchFields.Public, "1", Field.Store.NO));
        }

        if (version.Latest)
        {
            doc.Add(new StringField(SearchFields.Staff, "1", Field.Store.NO));
        }

        if (item.Path is { } path && version.Published)
        {
            doc.Add(new StoredField(SearchFields.StoredUrl, "/" + path));
        }

        Facet(doc, SearchFields.Type, type.Name);
        Facet(doc, SearchFields.Column, version.Column);
        Facet(doc, SearchFields.Year, SiteTime.ToLocal(date).Year.ToString(CultureInfo.InvariantCulture));
        Facet(doc, SearchFields.Sector, ContentData.GetString(data, "MemberPart", "Sector") ?? ContentData.GetString(data, "ProposalPart", "Sector"));
        Facet(doc, SearchFields.Status, isProposal ? proposalStatus ?? LastStatus(data) : null);
        return doc;
    }

    /// <summary>A proposal's current status is the last step of its timeline.</summary>
    internal static string? LastStatus(JsonObject data) =>
        ContentData.Get(data, "ProposalPart", "Timeline") is JsonArray { Count: > 0 } steps && steps[^1] is JsonObject last
            && last["Status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String ? status.GetValue<string>() : null;

    private static void Facet(Document doc, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void CollectText(FieldDefinition field, JsonNode value, StringBuilder target, StringBuilder body)
    {
        switch (field.Type)
        {
            case FieldType.Text or FieldType.TextArea or FieldType.Choice or FieldType.Markdown when value is JsonValue v && v.GetValueKind() == JsonValueKind.String:
                Append(target, v.GetValue<string>());
                break;
            case FieldType.TextList when value is JsonArray list:
                foreach (var entry in list.OfType<JsonValue>().Where(e => e.GetValueKind() == JsonValueKind.String))
                {
                    Append(target, entry.GetValue<string>());
                }

                break;
            case FieldType.Object or FieldType.ObjectList when field.Fields is { } subFields:
                var objects = value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject o ? [o] : [];
                foreach (var obj in objects)
                {
                    foreach (var sub in subFields)
                    {
                        if (obj[sub.Name] is { } subValue)
                        {
                            // Notes and reply texts read like body text; the rest (units, statuses) is metadata.
                            CollectText(sub, subValue, sub.Type is FieldType.Markdown or FieldType.TextArea ? body : target, body);
                        }
                    }
                }

                break;
        }
    }

    private static void Append(StringBuilder target, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target.Append(value).Append('\n');
        }
    }
}
