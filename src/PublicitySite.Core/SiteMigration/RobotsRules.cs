namespace PublicitySite.SiteMigration;

/// <summary>
/// The <c>Disallow</c>/<c>Allow</c> lines of robots.txt that apply to the importer (its own group, else
/// <c>*</c>); the longest matching rule wins, as the major crawlers read it.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<(string Prefix, bool Allow)> rules;

    private RobotsRules(List<(string, bool)> rules) => this.rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules Parse(string text, string agentToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        (List<string> Agents, List<(string, bool)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is { } group && field is "disallow" or "allow" && value.Length > 0)
            {
                group.Rules.Add((value.TrimEnd('*'), field == "allow"));
            }
        }

        var token = agentToken.ToLowerInvariant();
        var mine = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal)));
        var chosen = mine.Rules ?? groups.FirstOrDefault(g => g.Agents.Contains("*")).Rules ?? [];
        return new RobotsRules(chosen);
    }

    public bool Allows(string path)
    {
        var best = rules.Where(r => path.StartsWith(r.Prefix, StringComparison.Ordinal)).OrderByDescending(r => r.Prefix.Length).ThenByDescending(r => r.Allow).FirstOrDefault();
        return best.Prefix is null || best.Allow;
    }
}
