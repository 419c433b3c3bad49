namespace Qunyun.Features.Tags;

/// <summary>
/// Per console circuit: the member page's tag bar tells the tag history, a card elsewhere on the page, that it changed
/// a member's tags (the page itself shows neither).
/// </summary>
public sealed class MemberTagNotices
{
    public event Func<Guid, Task>? Changed;

    public Task RaiseAsync(Guid memberId) => Changed?.Invoke(memberId) ?? Task.CompletedTask;
}
