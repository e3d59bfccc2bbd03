namespace ReportSearch.Core.Analysis;

/// <summary>icu.net must be initialised once per process before any ICU call; every ICU user goes through here.</summary>
internal static class IcuRuntime
{
    private static readonly Lazy<bool> Initialized = new(() => { Icu.Wrapper.Init(); return true; }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Initialized.Value;
}
