using System.Globalization;
using System.Text.RegularExpressions;

namespace PublicitySite.Bench.Startup;

/// <summary>
/// Where a process's resident memory is, from <c>/proc/&lt;pid&gt;/smaps</c>: the runtime's code and type data
/// (the <c>doublemapper</c> mapping, where compiled methods, stubs and type descriptions live), mapped assemblies,
/// native libraries, and anonymous memory (the managed heap, the C library's heap, thread stacks). With the
/// collector's own figure from <c>/metrics</c>, it says whether a heap setting could help at all.
/// </summary>
internal static partial class MemoryMap
{
    public static IReadOnlyDictionary<string, double> Read(int pid)
    {
        var totals = new Dictionary<string, double>();
        var group = "anon";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                var name = header.Groups[1].Value.Trim();
                group = name switch
                {
                    _ when name.Contains("doublemapper", StringComparison.Ordinal) => "code and types",
                    _ when name.EndsWith(".dll", StringComparison.Ordinal) => "assemblies",
                    _ when name.Contains(".so", StringComparison.Ordinal) => "native libraries",
                    "" or "[heap]" or "[stack]" => "anonymous",
                    _ => "other files",
                };
                continue;
            }

            if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                totals[group] = totals.GetValueOrDefault(group) + kb / 1024;
            }
        }

        return totals;
    }

    /// <summary>The site's own gauges (<c>publicity_gc_committed_bytes</c> and the like) from its metrics text.</summary>
    public static double Gauge(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(name.Length + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();

    public static string Describe(IReadOnlyDictionary<string, double> map, string metrics) =>
        string.Join("，", map.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F0}"))
        + $"（MB；其中托管堆 {Gauge(metrics, "publicity_gc_committed_bytes") / 1048576:F0}，"
        + $"已编译方法 {Gauge(metrics, "publicity_jit_compiled_methods"):F0} 个，程序集 {Gauge(metrics, "publicity_loaded_assemblies"):F0} 个）";

    [GeneratedRegex(@"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$")]
    private static partial Regex Header();
}
