using Icu;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Traditional → simplified for the BMP ideographs, taken once from ICU's own "Traditional-Simplified" transform
/// (icu.net 4.0 exposes it) and kept as a lookup table: ICU's transform maps character for character, and a table
/// lookup per character is thread-safe and far cheaper than a native call per text. About 2,850 characters differ.
/// </summary>
internal sealed class TraditionalToSimplified
{
    private const int First = 0x3400;
    private const int Last = 0x9FFF;

    private static readonly Lazy<TraditionalToSimplified> Shared = new(Build);

    private readonly char[] _map;

    private TraditionalToSimplified(char[] map) => _map = map;

    public static TraditionalToSimplified Instance => Shared.Value;

    public int DifferingCount => _map.Select((c, i) => c != (char)(First + i)).Count(d => d);

    public char Map(char c) => c is >= (char)First and <= (char)Last ? _map[c - First] : c;

    private static TraditionalToSimplified Build()
    {
        IcuRuntime.EnsureInitialized();
        var source = new char[Last - First + 1];
        for (var i = 0; i < source.Length; i++) source[i] = (char)(First + i);
        var map = (char[])source.Clone();
        using var transform = Transliterator.CreateInstance("Traditional-Simplified", Transliterator.UTransDirection.Forward, null);
        var all = new string(source);
        var simplified = transform.Transliterate(all, 2);
        if (simplified.Length == all.Length)
        {
            simplified.CopyTo(0, map, 0, map.Length);
        }
        else
        {
            // A transform that ever maps to more than one character: fall back to one character at a time
            // and keep only one-to-one results, so offsets in the text stay meaningful.
            for (var i = 0; i < source.Length; i++)
            {
                var one = transform.Transliterate(source[i].ToString(), 2);
                if (one.Length == 1) map[i] = one[0];
            }
        }
        return new TraditionalToSimplified(map);
    }
}
