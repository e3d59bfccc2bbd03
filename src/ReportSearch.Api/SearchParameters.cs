using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ReportSearch.Api;

/// <summary>
/// The query parameters of GET /api/search for /openapi/v1.json. The handler reads the query string itself
/// (<see cref="SearchQuery"/>, which names a bad value in its error), so the framework cannot infer them.
/// </summary>
internal static class SearchParameters
{
    private static readonly (string Name, JsonSchemaType Type, bool Many, string Description)[] All =
    [
        ("q", JsonSchemaType.String, false, "the query: words, a phrase or a sentence; empty with filters lists every match by date"),
        ("top", JsonSchemaType.Integer, false, "hits to return, 1..100 (default 10)"),
        ("offset", JsonSchemaType.Integer, false, "hits to skip, for paging (default 0)"),
        ("unit", JsonSchemaType.String, true, "inspected unit (district); repeat or comma-separate for several (OR)"),
        ("city", JsonSchemaType.String, true, "city; repeat or comma-separate for several"),
        ("province", JsonSchemaType.String, true, "province; repeat or comma-separate for several"),
        ("category", JsonSchemaType.String, true, "category id of the taxonomy (GET /api/categories); several allowed"),
        ("kind", JsonSchemaType.String, true, "problem, measure or section (the text of a report without recognised problems)"),
        ("year", JsonSchemaType.Integer, true, "year the report was published; several allowed"),
        ("from", JsonSchemaType.String, false, "published on or after this date, yyyy-MM-dd"),
        ("to", JsonSchemaType.String, false, "published on or before this date, yyyy-MM-dd"),
        ("sort", JsonSchemaType.String, false, "relevance (default) or date (newest first)"),
        ("low", JsonSchemaType.Boolean, false, "true: also return the hits below the relevance floor, marked lowRelevance"),
    ];

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        operation.Parameters ??= [];
        foreach (var (name, type, many, description) in All)
        {
            var value = new OpenApiSchema { Type = type, Format = name is "from" or "to" ? "date" : null };
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = many ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value,
                Style = many ? ParameterStyle.Form : null,
                Explode = many,
            });
        }
        return Task.CompletedTask;
    }
}
