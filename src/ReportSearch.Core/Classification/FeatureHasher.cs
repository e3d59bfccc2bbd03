namespace ReportSearch.Core.Classification;

/// <summary>
/// Maps a feature name to a fixed slot of a 2^bits vector (FNV-1a over its UTF-16 code units). A fixed space lets a model
/// trained today warm-start tomorrow on examples with words it has never seen; collisions at 2^15 slots over a few
/// thousand distinct features cost little.
/// </summary>
public static class FeatureHasher
{
    public static int Slot(string feature, int bits)
    {
        var hash = 2166136261u;
        foreach (var ch in feature)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (int)(hash & ((1u << bits) - 1));
    }
}
