using System.Collections.Concurrent;
using Qunyun.Engine.Groups.IdleChat;

namespace Qunyun.Features.IdleChat;

/// <summary>
/// Each guarded group's recent messages and the day's nudges (<see cref="IdleChatGuard"/>), in memory and bounded
/// (<see cref="IdleChatGuard.MaxLines"/> messages of the last <see cref="IdleChatGuard.MaxMinutes"/> minutes). The
/// pipeline's single writer feeds them in event order. Trade-off: a restart forgets a run in progress (the chat goes on
/// and is caught on its next messages) and the day's nudges, which the outbox's keys then answer for.
/// </summary>
public sealed class IdleChatWindows
{
    private readonly ConcurrentDictionary<(Guid Workspace, Guid Group), IdleChatGuard> _guards = new();

    public IdleChatGuard For(Guid workspaceId, Guid groupId) => _guards.GetOrAdd((workspaceId, groupId), _ => new IdleChatGuard());
}
