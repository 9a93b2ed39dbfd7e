using System.Diagnostics;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted over a test's directory, so the site meets a real ENOSPC from the kernel. Needs
/// root (tests/run.sh runs as root on CI); without it the test fails and says so rather than skipping.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string path;
    private readonly string filler;

    private SmallDisk(string path)
    {
        this.path = path;
        filler = Path.Combine(path, "filler.bin");
    }

    public static SmallDisk Mount(string path, int megabytes)
    {
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the kernel refuses with "no space left".</summary>
    public void Fill()
    {
        var block = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
        }

        try
        {
            // Top up the last partial block a byte at a time so not even a page is left.
            while (true)
            {
                stream.WriteByte(0);
                stream.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free() => File.Delete(filler);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", path);
    }

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {error}. The full-disk test needs root to mount a small tmpfs.");
        }
    }
}
