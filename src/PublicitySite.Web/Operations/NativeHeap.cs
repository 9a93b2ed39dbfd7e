using System.Runtime.InteropServices;

namespace PublicitySite.Web.Operations;

/// <summary>
/// Returns the C library's free memory to the system. Native buffers freed by SQLite, the compressors and the
/// runtime itself stay mapped inside the allocator's arenas (glibc keeps them for the next request); after a
/// burst that is several megabytes of resident memory holding nothing. Only glibc has <c>malloc_trim</c>:
/// elsewhere this does nothing.
/// </summary>
internal static partial class NativeHeap
{
    private static bool unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true; // musl and other C libraries: nothing to call
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
