using System.Security.Cryptography;
using ReportSearch.Core.Input;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// The parser pipeline, one step per line of <see cref="Parse"/>:
/// bytes → lines (format and encoding detected) → page furniture removed → normalised paragraphs →
/// title and closing split off → numbering tree → problems and sections → metadata → the report.
/// </summary>
public sealed class ReportParser(ReportInputOptions options)
{
    private readonly ReportReader _reader = new(options);
    private readonly MetadataReader _metadata = new(new UnitResolver(Gazetteer.Default));

    public ReportParser() : this(new ReportInputOptions()) { }

    public RectificationReport ParseFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new InputRejectedException($"no file at {path}; give the path of a report file", InputRejection.NotFound);
        // Checked before reading so a huge file is refused without loading it.
        _reader.CheckSize(file.Length, file.Name);
        return Parse(File.ReadAllBytes(path), file.Name);
    }

    public RectificationReport Parse(byte[] bytes, string? fileName = null)
    {
        var source = _reader.Read(bytes, fileName);
        var (lines, furniture) = PageFurnitureFilter.Strip(source.Lines.Select(Passage.From).ToList());
        var paragraphs = ParagraphBuilder.Build(lines);
        var (title, rest) = TitleReader.Split(paragraphs);
        var (body, closing) = ClosingSplitter.Split(rest);
        var outline = OutlineBuilder.Build(body);
        var id = ReportId(bytes);
        var structure = ProblemExtractor.Extract(outline, id);
        var opening = Segments.Join(outline.Body).Normal;
        var metadata = _metadata.Read(title, opening.Length > 0 ? opening : string.Join("\n", body.Take(3).Select(p => p.Normal)), furniture, closing);

        var sections = structure.Sections.ToList();
        var signature = Passage.Join(closing, "\n");
        if (!signature.IsBlank) sections.Add(new Section("", null, signature.Original, SectionKind.Closing));

        return new RectificationReport
        {
            Id = id,
            Title = metadata.Title,
            Unit = metadata.Unit,
            Inspection = metadata.Inspection,
            PublishedDate = metadata.PublishedDate,
            Issuer = metadata.Issuer,
            Problems = structure.Problems,
            Sections = sections,
            Warnings = [.. structure.Warnings, .. MissingMetadata(metadata)],
            SourceName = fileName is null ? null : Path.GetFileName(fileName),
            Format = source.Format,
        };
    }

    /// <summary>First 16 hex characters of the SHA-256 of the file's bytes: the same file always gets the same id.</summary>
    public static string ReportId(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private static IEnumerable<string> MissingMetadata(ReportMetadata m)
    {
        if (m.Unit.FullName is null) yield return "inspected unit not found (expected 对XX开展了巡视 in the opening paragraph)";
        if (m.Inspection.Team is null) yield return "inspection team not found (expected 省委第N巡视组 or similar)";
        if (m.Inspection.Start is null) yield return "inspection period not found (expected 2020年5月25日至7月10日)";
        if (m.PublishedDate is null) yield return "publication date not found (no signature date and no page date)";
    }
}
