namespace ReportSearch.Cli.Tests.Processes;

/// <summary>Read commands as a user types them, on an index path that is wrong: one line, exit 1, nothing created or changed.</summary>
[Trait("Category", "Process")]
public sealed class IndexPathProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Search_on_a_missing_index_says_there_is_none_and_how_to_make_one_and_creates_nothing()
    {
        var missing = Path.Combine(_sandbox.Folder, "no", "such", "dir", "x.db");
        var run = await _sandbox.Cli(Timeout, "search", "借调", "--index", missing);
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal($"reportsearch search: there is no index at {missing}; make one with: reportsearch index <folder of reports> --index {missing}",
            Assert.Single(run.Err.Trim().Split('\n')));
        Assert.False(Directory.Exists(Path.Combine(_sandbox.Folder, "no")));
    }

    [Fact]
    public async Task Search_on_a_file_that_is_not_an_index_is_one_line_exit_1_and_leaves_the_file_as_it_was()
    {
        var notAnIndex = Directory.GetFiles(_sandbox.Seeds)[0];
        var before = await File.ReadAllBytesAsync(notAnIndex);
        var files = Directory.GetFiles(_sandbox.Seeds);
        var run = await _sandbox.Cli(Timeout, "search", "借调", "--index", notAnIndex);
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.Err.Trim().Split('\n'));
        Assert.StartsWith($"reportsearch search: {notAnIndex} is not a ReportSearch index (", line);
        Assert.EndsWith("give the path of one made by 'reportsearch index', or a new path to 'reportsearch index'", line);
        Assert.Equal(before, await File.ReadAllBytesAsync(notAnIndex));
        Assert.Equal(files, Directory.GetFiles(_sandbox.Seeds)); // no journal or lock file beside it
    }
}
