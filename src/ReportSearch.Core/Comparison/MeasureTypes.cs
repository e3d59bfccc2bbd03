using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Comparison;

/// <summary>
/// A kind of thing a measure does (issued a document, held a meeting, held people accountable…), so measures of
/// different districts can be lined up. The types are data: Data/measure-types.tsv, one row per type.
/// </summary>
/// <param name="Id">Stable API value, e.g. <c>issue_document</c>.</param>
/// <param name="Name">The Chinese name the reader sees, e.g. 印发文件.</param>
/// <param name="Cues">What in a measure's text signals the type.</param>
public sealed record MeasureType(string Id, string Name, IReadOnlyList<CuePattern> Cues);

/// <summary>
/// A cue: a term (<c>问责</c>), or a head and a tail in the same clause (<c>召开…会</c>, <c>印发…《</c>), the tail
/// within <see cref="MaxGap"/> characters of the head with no clause break between them.
/// </summary>
public sealed record CuePattern(string Head, string? Tail)
{
    /// <summary>Longest distance from the head's end to the tail: a clause, not a paragraph.</summary>
    public const int MaxGap = 30;

    public const char Ellipsis = '…';

    public static CuePattern Parse(string cue)
    {
        var gap = cue.IndexOf(Ellipsis);
        if (gap < 0) return new CuePattern(cue, null);
        var head = cue[..gap];
        var tail = cue[(gap + 1)..];
        if (head.Length == 0 || tail.Length == 0 || tail.Contains(Ellipsis))
            throw new InvalidDataException($"measure type cue '{cue}' must be TERM or HEAD…TAIL");
        return new CuePattern(head, tail);
    }

    public override string ToString() => Tail is null ? Head : Head + Ellipsis + Tail;
}

/// <summary>The measure types of Data/measure-types.tsv, in file order (which breaks ties when picking a primary type).</summary>
public sealed class MeasureTypeCatalog
{
    public const string FileName = "measure-types.tsv";

    /// <summary>What a measure that fits no type is filed under in alignments; measures carry <c>type: null</c>.</summary>
    public const string OtherId = "other";
    public const string OtherName = "未归类";

    public IReadOnlyList<MeasureType> Types { get; }
    private readonly Dictionary<string, MeasureType> _byId;

    public MeasureTypeCatalog(IReadOnlyList<MeasureType> types)
    {
        Types = types;
        _byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    private static readonly Lazy<MeasureTypeCatalog> Embedded = new(() => new MeasureTypeCatalog(
        DataFile.ReadTsv(FileName, 3).Select(row => new MeasureType(row[0], row[1], Cues(row[2]))).ToList()));

    /// <summary>The catalog shipped in the assembly (Data/measure-types.tsv: id, name, cues separated by '|').</summary>
    public static MeasureTypeCatalog Default => Embedded.Value;

    public static IReadOnlyList<CuePattern> Cues(string cues) =>
        cues.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CuePattern.Parse).ToList();

    public MeasureType? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The Chinese name of a type id, or of <see cref="OtherId"/>.</summary>
    public string NameOf(string? id) => id is null || id == OtherId ? OtherName : Find(id)?.Name ?? id;
}
