using System.Text.RegularExpressions;

namespace ReportSearch.Core.Parsing;

/// <summary>The 《…》 titles a measure cites (regulations issued, plans followed), first mention order, each once.</summary>
public static partial class DocumentCitations
{
    [GeneratedRegex(@"《[^《》\n]{1,100}》")]
    private static partial Regex Title();

    public static List<string> Find(string text) =>
        Title().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
}
