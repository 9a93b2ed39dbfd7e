using System.Diagnostics;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>Runs the web host's command-line verbs as a real process, the way an operator would.</summary>
public static class SiteProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.dll");

    /// <summary>Runs in <paramref name="dataDir"/> with <c>--data-dir</c> appended after the verb's arguments.</summary>
    public static Task<Result> RunAsync(string dataDir, params string[] args) =>
        RunInAsync(dataDir, null, null, [.. args, "--data-dir", dataDir]);

    /// <summary>
    /// Runs <c>dotnet</c> with exactly <paramref name="args"/> (prefixed by the host's dll unless they start with
    /// <c>run</c>) in <paramref name="workingDirectory"/>, with extra environment and optional standard input.
    /// </summary>
    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        if (args.Length == 0 || args[0] != "run")
        {
            start.ArgumentList.Add(Dll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = TestSite.AdminPassword;
        start.Environment["Admin__TwoFactor__RequiredRoles"] = "";
        start.Environment["Publicity__ImportSeed"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
