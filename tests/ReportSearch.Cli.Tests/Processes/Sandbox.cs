using ReportSearch.Index;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>
/// A temp folder outside the checkout for one process test: a copy of the seeds, an index path, and a corpus of distinct
/// copies of the seeds when a run must last long enough to be interrupted.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public static readonly string RepositorySeeds = Path.Combine(RepositoryRoot.FindFrom(AppContext.BaseDirectory)!, "seeds");

    public string Folder { get; } = Directory.CreateTempSubdirectory("reportsearch-process-").FullName;
    public string Seeds => Path.Combine(Folder, "seeds");
    public string IndexPath => Path.Combine(Folder, "index", "reportsearch.db");

    public Sandbox()
    {
        Directory.CreateDirectory(Seeds);
        foreach (var seed in Directory.GetFiles(RepositorySeeds)) File.Copy(seed, Path.Combine(Seeds, Path.GetFileName(seed)));
    }

    /// <summary>
    /// <paramref name="copies"/> copies of each seed (numbered from <paramref name="first"/>) added to the corpus folder,
    /// copy k ending in k extra newlines: the same real text (so each copy parses to the same problems as its seed) but
    /// other bytes, hence a report of its own.
    /// </summary>
    public string Corpus(int copies, int first = 1)
    {
        var folder = Path.Combine(Folder, "corpus");
        Directory.CreateDirectory(folder);
        foreach (var seed in Directory.GetFiles(RepositorySeeds))
            for (var k = first; k < first + copies; k++)
                File.WriteAllBytes(Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(seed)}_copy{k:00}.txt"), SeedCopy(seed, k));
        return folder;
    }

    public static byte[] SeedCopy(string seed, int k) => [.. File.ReadAllBytes(seed), .. Enumerable.Repeat((byte)'\n', k)];

    public Task<CliRun> Cli(TimeSpan timeout, params string[] args) => CliProcess.RunAsync(Folder, timeout, args);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a killed child's file still closing; the OS cleans temp */ }
    }
}
