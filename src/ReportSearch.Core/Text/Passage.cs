namespace ReportSearch.Core.Text;

/// <summary>
/// A stretch of report text held twice: as written (for display) and normalised (for parsing).
/// <see cref="CharacterFolder"/> maps character for character, so an offset found in <see cref="Normal"/>
/// is the same offset in <see cref="Original"/>; every slice keeps the two aligned.
/// </summary>
public sealed record Passage(string Original, string Normal)
{
    public static Passage Empty { get; } = new("", "");

    public static Passage From(string original) => new(original, CharacterFolder.Fold(original));

    public int Length => Normal.Length;

    public bool IsBlank => string.IsNullOrWhiteSpace(Normal);

    public Passage Slice(int start) => Slice(start, Length - start);

    public Passage Slice(int start, int length) =>
        new(Original.Substring(start, length), Normal.Substring(start, length));

    public Passage Trim()
    {
        int start = 0, end = Length;
        while (start < end && IsTrimmable(Normal[start])) start++;
        while (end > start && IsTrimmable(Normal[end - 1])) end--;
        return Slice(start, end - start);
    }

    /// <summary>Without the comma or colon that joins a label to its heading: "第一方面问题,贯彻…".</summary>
    public Passage TrimStartPunctuation()
    {
        var trimmed = Trim();
        var start = 0;
        while (start < trimmed.Length && ",:、".Contains(trimmed.Normal[start])) start++;
        return trimmed.Slice(start).Trim();
    }

    /// <summary>Without a closing 。 or ; : headings and statements are shown without it.</summary>
    public Passage TrimEndPunctuation()
    {
        var trimmed = Trim();
        var end = trimmed.Length;
        while (end > 0 && "。;,:".Contains(trimmed.Normal[end - 1])) end--;
        return trimmed.Slice(0, end).Trim();
    }

    public static Passage Join(IEnumerable<Passage> parts, string separator)
    {
        var list = parts.ToList();
        return new(string.Join(separator, list.Select(p => p.Original)), string.Join(separator, list.Select(p => p.Normal)));
    }

    public static Passage operator +(Passage a, Passage b) => new(a.Original + b.Original, a.Normal + b.Normal);

    private static bool IsTrimmable(char c) => char.IsWhiteSpace(c);

    public override string ToString() => Original;
}
