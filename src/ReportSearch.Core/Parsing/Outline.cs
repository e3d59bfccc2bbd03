using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>A piece of a paragraph: either a whole paragraph or the part of one that starts at an inline label.</summary>
public sealed record Segment(Passage Text, bool StartsParagraph);

/// <summary>
/// One numbered heading or item and everything under it: its own text (after the label), the unnumbered
/// paragraphs that follow it, and its numbered children. Document order is head, body, children.
/// </summary>
public sealed class OutlineNode(Label? label, Segment? head)
{
    public Label? Label { get; } = label;
    /// <summary>The text after the label (the whole labelled segment for <see cref="Whole"/>).</summary>
    public Segment? Head { get; } = head;
    public List<Segment> Body { get; } = [];
    public List<OutlineNode> Children { get; } = [];

    public int Level => Label is null ? 0 : (int)Label.Kind;

    public Passage HeadText => Head is null ? Passage.Empty : Head.Text.Slice(Label?.Length ?? 0).TrimStartPunctuation();

    /// <summary>Head without the label, its body and all descendants, in document order.</summary>
    public Passage FullText(bool withLabel = false)
    {
        var parts = new List<Segment>();
        Collect(this, parts, withLabel, top: true);
        return Segments.Join(parts);
    }

    public IEnumerable<OutlineNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    private static void Collect(OutlineNode node, List<Segment> parts, bool withLabel, bool top)
    {
        if (node.Head is not null)
            parts.Add(top && !withLabel ? node.Head with { Text = node.HeadText } : node.Head);
        parts.AddRange(node.Body);
        foreach (var child in node.Children) Collect(child, parts, withLabel, top: false);
    }
}

public static class Segments
{
    /// <summary>Segments of one paragraph are joined as they stood; paragraphs are kept apart by a line break.</summary>
    public static Passage Join(IReadOnlyList<Segment> parts)
    {
        var pieces = new List<Passage>(parts.Count * 2);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0 && parts[i].StartsParagraph) pieces.Add(LineBreak);
            pieces.Add(parts[i].Text);
        }
        return Passage.Join(pieces, "").Trim();
    }

    private static readonly Passage LineBreak = new("\n", "\n");
}

/// <summary>Builds the numbering tree of a report from its paragraphs.</summary>
public static class OutlineBuilder
{
    public static OutlineNode Build(IEnumerable<Passage> paragraphs)
    {
        var root = new OutlineNode(null, null);
        var open = new Stack<OutlineNode>();
        open.Push(root);
        foreach (var paragraph in paragraphs)
        {
            foreach (var segment in Split(paragraph))
            {
                var label = Numbering.Match(segment.Text.Normal, 0);
                if (label is null)
                {
                    open.Peek().Body.Add(segment);
                    continue;
                }
                while (open.Peek().Level >= (int)label.Kind) open.Pop();
                var node = new OutlineNode(label, segment);
                open.Peek().Children.Add(node);
                open.Push(node);
            }
        }
        return root;
    }

    private static IEnumerable<Segment> Split(Passage paragraph)
    {
        var cuts = Numbering.LabelOffsets(paragraph.Normal).Where(o => o > 0).Prepend(0).Append(paragraph.Length).ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var piece = paragraph.Slice(cuts[i], cuts[i + 1] - cuts[i]).Trim();
            if (!piece.IsBlank) yield return new Segment(piece, StartsParagraph: i == 0);
        }
    }
}
