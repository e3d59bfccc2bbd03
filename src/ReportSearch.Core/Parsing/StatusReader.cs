using System.Text.RegularExpressions;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Reads how far a measure has got from its wording. Precedence, first match wins:
/// 1. in_progress when it says work is under way (正在, 推进中, 现正, 尚未…), or it reports both completed and scheduled work;
/// 2. done when it reports completion (已完成, 已全部, 已经…到位, 目前…已…);
/// 3. planned when it only speaks of the future (将于, 计划, 预计, 力争, 拟…);
/// 4. null when the wording says nothing either way (most measures just describe an action taken).
/// </summary>
public static partial class StatusReader
{
    [GeneratedRegex(@"正在|推进中|进行中|实施中|建设中|现正|正抓紧|正启动|尚未完成|仍在")]
    private static partial Regex UnderWay();

    [GeneratedRegex(@"已完成|已全部|全部完成|已经完成|已经全部|已办结|已整改|整改到位|完成整改|已落实|已基本|已于|已建成|已累计|已查处|目前[^。]{0,30}?已|截至[^。]{0,20}?已")]
    private static partial Regex Completed();

    [GeneratedRegex(@"将于|将在|将全面|将基本|将进一步|届时|计划(?:于|在|到|\d)|预计|力争|拟将?|争取于|下一步")]
    private static partial Regex Scheduled();

    public static string? Read(string text)
    {
        var done = Completed().IsMatch(text);
        var planned = Scheduled().IsMatch(text);
        if (UnderWay().IsMatch(text) || (done && planned)) return MeasureStatus.InProgress;
        if (done) return MeasureStatus.Done;
        if (planned) return MeasureStatus.Planned;
        return null;
    }
}
