using Prometheus;

namespace PublicitySite.Web.Operations;

/// <summary>
/// What holds the process's memory, read at each scrape: resident memory as the kernel counts it, the part the
/// garbage collector holds, and the amount of code compiled and loaded. Resident memory far above the collector's
/// share is code and type data (compiled methods, loaded assemblies), not objects, and no heap setting shrinks it.
/// </summary>
internal static class RuntimeGauges
{
    public static void Register(CollectorRegistry registry, IMetricFactory factory)
    {
        var resident = factory.CreateGauge("publicity_process_resident_bytes", "Resident memory of the process (what the system counts against it).");
        var committed = factory.CreateGauge("publicity_gc_committed_bytes", "Memory the garbage collector holds committed, in use or free for the next objects.");
        var heap = factory.CreateGauge("publicity_gc_heap_bytes", "Size of the managed heap after the last collection.");
        var allocated = factory.CreateGauge("publicity_gc_allocated_bytes", "Bytes allocated on the managed heap since start.");
        var collections = factory.CreateGauge("publicity_gc_collections", "Garbage collections since start, of any generation.");
        var methods = factory.CreateGauge("publicity_jit_compiled_methods", "Methods compiled since start (each tier counts once).");
        var assemblies = factory.CreateGauge("publicity_loaded_assemblies", "Assemblies loaded into the process.");
        registry.AddBeforeCollectCallback(() =>
        {
            var gc = GC.GetGCMemoryInfo();
            resident.Set(Environment.WorkingSet);
            committed.Set(gc.TotalCommittedBytes);
            heap.Set(gc.HeapSizeBytes);
            allocated.Set(GC.GetTotalAllocatedBytes());
            collections.Set(GC.CollectionCount(0));
            methods.Set(System.Runtime.JitInfo.GetCompiledMethodCount());
            assemblies.Set(AppDomain.CurrentDomain.GetAssemblies().Length);
        });
    }
}
