using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Qunyun.Api;

/// <summary>One page of a list, with the total so clients can page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>Query-string paging shared by every list endpoint: <c>?page=1&amp;pageSize=50</c>.</summary>
public sealed class PageQuery
{
    public const int MaxPageSize = 500;

    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    [Range(1, MaxPageSize)]
    public int PageSize { get; init; } = 50;

    public async Task<Page<T>> ApplyAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, Page, PageSize, total);
    }
}
