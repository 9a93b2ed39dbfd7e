using System.Text.RegularExpressions;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Recipes;

/// <summary>Merges a recipe over the current definitions and lists every problem with its JSON path.</summary>
internal static partial class RecipeValidator
{
    public static SiteDefinition Merge(RecipeDocument recipe, SiteDefinition current, List<(string Path, string Problem)> errors)
    {
        CheckUnique(recipe.Parts, p => p.Name, "$.parts", "part", errors);
        CheckUnique(recipe.Types, t => t.Name, "$.types", "content type", errors);
        CheckUnique(recipe.Columns, c => c.Name, "$.columns", "column", errors);
        CheckUnique(recipe.Columns, c => c.Key, "$.columns", "column key", errors);
        CheckUnique(recipe.Roles, r => r.Name, "$.roles", "role", errors);
        CheckUnique(recipe.Workflows, w => w.ContentType, "$.workflows", "workflow", errors);
        CheckUnique(recipe.Words, w => w.Term, "$.words", "word", errors);

        var merged = new SiteDefinition
        {
            Name = recipe.Name ?? current.Name,
            Parts = MergeByName(current.Parts, recipe.Parts, p => p.Name),
            Types = MergeByName(current.Types, recipe.Types, t => t.Name),
            Columns = MergeByName(current.Columns, recipe.Columns, c => c.Name),
            Roles = MergeByName(current.Roles, recipe.Roles, r => r.Name),
            Workflows = MergeByName(current.Workflows, recipe.Workflows, w => w.ContentType),
            Settings = MergeSettings(current.Settings, recipe.Settings),
            Words = MergeByName(current.Words, recipe.Words, w => w.Term),
            Navigation = recipe.Navigation is { } navigation ? navigation.Over(current.Navigation) : current.Navigation,
            Duties = recipe.Duties ?? current.Duties,
            Proposals = recipe.Proposals ?? current.Proposals,
        };

        if (recipe.Duties is { } duties)
        {
            errors.AddRange(duties.Check("$.duties"));
        }

        if (recipe.Proposals is { } proposals)
        {
            errors.AddRange(proposals.Check("$.proposals"));
        }

        foreach (var (menu, _) in PublicitySite.Navigation.SiteNavigation.Menus)
        {
            if (recipe.Navigation?.Get(menu) is { } links)
            {
                errors.AddRange(PublicitySite.Navigation.NavigationRules.Check(menu, links, merged).Select(problem => ($"$.navigation.{menu}", problem)));
            }
        }

        for (var i = 0; i < (recipe.Parts?.Count ?? 0); i++)
        {
            CheckPart(recipe.Parts![i], $"$.parts[{i}]", merged, errors);
        }

        for (var i = 0; i < (recipe.Types?.Count ?? 0); i++)
        {
            CheckType(recipe.Types![i], $"$.types[{i}]", merged, errors);
        }

        for (var i = 0; i < (recipe.Columns?.Count ?? 0); i++)
        {
            var column = recipe.Columns![i];
            if (merged.FindType(column.ContentType) is null)
            {
                errors.Add(($"$.columns[{i}].contentType", $"column '{column.Name}' names unknown content type '{column.ContentType}'"));
            }

            if (!KeyPattern().IsMatch(column.Key))
            {
                errors.Add(($"$.columns[{i}].key", $"column key '{column.Key}' must be lowercase letters, digits and hyphens"));
            }
        }

        for (var i = 0; i < (recipe.Roles?.Count ?? 0); i++)
        {
            CheckRole(recipe.Roles![i], $"$.roles[{i}]", merged, errors);
        }

        for (var i = 0; i < (recipe.Workflows?.Count ?? 0); i++)
        {
            CheckWorkflow(recipe.Workflows![i], $"$.workflows[{i}]", merged, errors);
        }

        return merged;
    }

    private static void CheckPart(ContentPartDefinition part, string path, SiteDefinition site, List<(string, string)> errors)
    {
        if (BuiltInParts.IsBuiltIn(part.Name))
        {
            errors.Add(($"{path}.name", $"'{part.Name}' is a built-in part and cannot be redefined"));
        }

        if (!NamePattern().IsMatch(part.Name))
        {
            errors.Add(($"{path}.name", $"part name '{part.Name}' must start with a letter and hold only letters and digits"));
        }

        CheckFields(part.Fields, $"{path}.fields", site, errors);
    }

    private static void CheckFields(IReadOnlyList<FieldDefinition> fields, string path, SiteDefinition site, List<(string, string)> errors)
    {
        CheckUnique(fields, f => f.Name, path, "field", errors);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = $"{path}[{i}]";
            if (!NamePattern().IsMatch(field.Name))
            {
                errors.Add(($"{at}.name", $"field name '{field.Name}' must start with a letter and hold only letters and digits"));
            }

            switch (field.Type)
            {
                case FieldType.Choice when field.Options is not { Count: > 0 }:
                    errors.Add(($"{at}.options", $"choice field '{field.Name}' needs a non-empty 'options' list"));
                    break;
                case FieldType.ContentPicker when field.ContentType is null || site.FindType(field.ContentType) is null:
                    errors.Add(($"{at}.contentType", $"content picker '{field.Name}' names unknown content type '{field.ContentType}'"));
                    break;
                case FieldType.Media when field.Accept is not (null or MediaAccept.Image or MediaAccept.Document):
                    errors.Add(($"{at}.accept", $"media field '{field.Name}' accepts '{MediaAccept.Image}' or '{MediaAccept.Document}', not '{field.Accept}'"));
                    break;
                case FieldType.Object or FieldType.ObjectList when field.Fields is not { Count: > 0 }:
                    errors.Add(($"{at}.fields", $"field '{field.Name}' of type {field.Type} needs its own 'fields'"));
                    break;
                case FieldType.Object or FieldType.ObjectList:
                    CheckFields(field.Fields!, $"{at}.fields", site, errors);
                    break;
            }
        }
    }

    private static void CheckType(ContentTypeDefinition type, string path, SiteDefinition site, List<(string, string)> errors)
    {
        if (!NamePattern().IsMatch(type.Name))
        {
            errors.Add(($"{path}.name", $"type name '{type.Name}' must start with a letter and hold only letters and digits"));
        }

        if (!type.Parts.Contains(BuiltInParts.Title))
        {
            errors.Add(($"{path}.parts", $"type '{type.Name}' must include {BuiltInParts.Title}"));
        }

        var seenFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < type.Parts.Count; i++)
        {
            var part = site.FindPart(type.Parts[i]);
            if (part is null)
            {
                errors.Add(($"{path}.parts[{i}]", $"unknown part '{type.Parts[i]}' in type '{type.Name}'"));
                continue;
            }

            foreach (var field in part.Fields)
            {
                if (seenFields.TryGetValue(field.Name, out var other) && other != part.Name)
                {
                    errors.Add(($"{path}.parts[{i}]", $"field '{field.Name}' is in both {other} and {part.Name}: field names must be unique within a type"));
                }

                seenFields[field.Name] = part.Name;
            }
        }

        if (type.Route is { } route && !RoutePattern().IsMatch(route))
        {
            errors.Add(($"{path}.route", $"route '{route}' may hold lowercase letters, digits, '-', '/' and the tokens {{year}}, {{slug}}, {{id}}, and must end with {{slug}} or {{id}}"));
        }
    }

    private static void CheckRole(RoleDefinition role, string path, SiteDefinition site, List<(string, string)> errors)
    {
        for (var i = 0; i < role.Permissions.Count; i++)
        {
            if (!Permissions.All.Contains(role.Permissions[i]))
            {
                errors.Add(($"{path}.permissions[{i}]", $"unknown permission '{role.Permissions[i]}'"));
            }
        }

        for (var i = 0; i < role.ContentTypes.Count; i++)
        {
            if (site.FindType(role.ContentTypes[i]) is null)
            {
                errors.Add(($"{path}.contentTypes[{i}]", $"unknown content type '{role.ContentTypes[i]}'"));
            }
        }

        for (var i = 0; i < role.Columns.Count; i++)
        {
            if (site.FindColumn(role.Columns[i]) is null)
            {
                errors.Add(($"{path}.columns[{i}]", $"unknown column '{role.Columns[i]}'"));
            }
        }
    }

    private static void CheckWorkflow(WorkflowDefinition workflow, string path, SiteDefinition site, List<(string, string)> errors)
    {
        if (site.FindType(workflow.ContentType) is null)
        {
            errors.Add(($"{path}.contentType", $"unknown content type '{workflow.ContentType}'"));
        }

        if (workflow.Stages.Count == 0)
        {
            errors.Add(($"{path}.stages", "a workflow needs at least one stage"));
        }

        for (var i = 0; i < workflow.Stages.Count; i++)
        {
            if (!site.Roles.Any(r => r.Name == workflow.Stages[i].Role))
            {
                errors.Add(($"{path}.stages[{i}].role", $"unknown role '{workflow.Stages[i].Role}'"));
            }
        }
    }

    private static void CheckUnique<T>(IReadOnlyList<T>? items, Func<T, string> key, string path, string what, List<(string, string)> errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var name = key(items![i]);
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(($"{path}[{i}]", $"a {what} without a name"));
            }
            else if (!seen.Add(name))
            {
                errors.Add(($"{path}[{i}]", $"duplicate {what} '{name}'"));
            }
        }
    }

    private static List<T> MergeByName<T>(IReadOnlyList<T> current, IReadOnlyList<T>? incoming, Func<T, string> key)
    {
        var result = current.ToList();
        foreach (var item in incoming ?? [])
        {
            var index = result.FindIndex(existing => string.Equals(key(existing), key(item), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                result[index] = item;
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static Dictionary<string, string> MergeSettings(IReadOnlyDictionary<string, string> current, Dictionary<string, string>? incoming)
    {
        var result = new Dictionary<string, string>(current);
        foreach (var (key, value) in incoming ?? [])
        {
            result[key] = value;
        }

        return result;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^([a-z0-9-]+/|\{year\}/|\{slug\}/)*(\{slug\}|\{id\})$")]
    private static partial Regex RoutePattern();
}
