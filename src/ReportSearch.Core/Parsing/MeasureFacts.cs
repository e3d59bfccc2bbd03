using ReportSearch.Core.Model;

namespace ReportSearch.Core.Parsing;

/// <summary>Turns a measure's text into a <see cref="Measure"/>: documents cited, quantities, status.</summary>
public static class MeasureFacts
{
    public static Measure Read(MeasureText measure, string id) => new()
    {
        Id = id,
        Ordinal = measure.Ordinal,
        Text = measure.Text.Original,
        Documents = DocumentCitations.Find(measure.Text.Original),
        Quantities = QuantityReader.Find(measure.Text),
        Status = StatusReader.Read(measure.Text.Normal),
        Items = measure.Items.Select(i => new MeasureItem(i.Ordinal, i.Text.Original)).ToList(),
    };
}
