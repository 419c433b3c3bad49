using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Qunyun.Api;

/// <summary>One page of a list, with the total so clients can page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>Query-string paging shared by every list endpoint: <c>?page=1&amp;pageSize=50</c>.</summary>
public sealed class PageQuery
{
    public const int MaxPageSize = 500;

    public const int DefaultPageSize = 50;

    // Nullable so that an absent parameter means "the default" rather than 0.
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public async Task<Page<T>> ApplyAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var (page, size) = (Page ?? 1, PageSize ?? DefaultPageSize);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, page, size, total);
    }
}
