using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>A 「加入群聊」 code: 1 to 5 customer groups; when they are full WeCom creates 「base name + number」 groups.</summary>
public sealed record JoinCodeRequest
{
    [Required]
    public List<string>? ChatIds { get; init; }

    /// <summary>Comes back on every member the code brings: their acquisition channel (≤ 30 characters).</summary>
    [Required]
    public string? State { get; init; }

    public bool AutoCreateRoom { get; init; } = true;

    public string? RoomBaseName { get; init; }

    public int? RoomBaseId { get; init; }
}

/// <summary>A 「联系我」 code for 1 to 100 staff members.</summary>
public sealed record ContactCodeRequest
{
    [Required]
    public List<string>? Users { get; init; }

    [Required]
    public string? State { get; init; }
}

public enum CodeDeletion
{
    Deleted,
    NotFound,

    /// <summary>A 「加入群聊」 code: only contact codes are deleted here.</summary>
    NotContactCode,
}

public sealed record JoinCodeResponse(Guid Id, WeComCodeKind Kind, string ConfigId, string State, IReadOnlyList<string> Targets, string? QrCode, DateTime CreatedAt);

/// <summary>Creates join and contact codes through the API and keeps them (WeCom lists neither).</summary>
public sealed class WeComJoinCodes(WeComClient client, QunyunDbFactory factory, TimeProvider clock)
{
    public const int MaxGroups = 5;
    public const int MaxState = 30;
    public const int MaxRoomBaseName = 40;
    private const int MaxId = 128;
    private const int MaxTargets = 1000;
    private const int UnknownConfigId = 41044;

    public static FieldErrors Problems(JoinCodeRequest request)
    {
        var errors = StateProblems(request.State);
        if (request.ChatIds is not { Count: >= 1 and <= MaxGroups } chats || chats.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxId)
            || chats.Distinct().Count() != chats.Count)
        {
            errors.Add("chatIds", $"1 to {MaxGroups} different customer groups per code (a WeCom limit).");
        }

        if (request.AutoCreateRoom && (string.IsNullOrWhiteSpace(request.RoomBaseName) || request.RoomBaseName.Length > MaxRoomBaseName))
        {
            errors.Add("roomBaseName", $"Name new groups (1 to {MaxRoomBaseName} characters), or switch automatic groups off.");
        }

        if (request.RoomBaseId is < 0)
        {
            errors.Add("roomBaseId", "Zero or more.");
        }

        return errors;
    }

    public static FieldErrors Problems(ContactCodeRequest request)
    {
        var errors = StateProblems(request.State);
        if (request.Users is not { Count: >= 1 and <= 100 } users || users.Any(u => string.IsNullOrWhiteSpace(u) || u.Length > MaxId)
            || string.Join(',', users).Length > MaxTargets)
        {
            errors.Add("users", $"1 to 100 staff user ids, {MaxTargets} characters in all.");
        }

        return errors;
    }

    public async Task<JoinCodeResponse> CreateAsync(Guid workspaceId, Guid channelId, WeComCredentials credentials, JoinCodeRequest request, CancellationToken cancellationToken)
    {
        var chats = request.ChatIds!.ConvertAll(c => c.Trim());
        var created = await client.PostAsync(credentials, "externalcontact/groupchat/add_join_way", new
        {
            scene = 2,
            chat_id_list = chats,
            state = request.State!.Trim(),
            auto_create_room = request.AutoCreateRoom ? 1 : 0,
            room_base_name = request.AutoCreateRoom ? request.RoomBaseName!.Trim() : null,
            room_base_id = request.AutoCreateRoom ? request.RoomBaseId ?? 1 : (int?)null,
        }, cancellationToken);
        var configId = created["config_id"]?.ToString() ?? throw new WeComException(-1, "add_join_way answered without config_id");
        var read = await client.PostAsync(credentials, "externalcontact/groupchat/get_join_way", new { config_id = configId }, cancellationToken);
        return await SaveAsync(workspaceId, new WeComJoinCode
        {
            ChannelId = channelId,
            Kind = WeComCodeKind.JoinGroup,
            ConfigId = configId,
            State = request.State.Trim(),
            Targets = string.Join(',', chats),
            QrCode = read["join_way"]?["qr_code"]?.ToString(),
            AutoCreateRoom = request.AutoCreateRoom,
            RoomBaseName = request.AutoCreateRoom ? request.RoomBaseName!.Trim() : null,
            RoomBaseId = request.AutoCreateRoom ? request.RoomBaseId ?? 1 : null,
        }, cancellationToken);
    }

    public async Task<JoinCodeResponse> CreateAsync(Guid workspaceId, Guid channelId, WeComCredentials credentials, ContactCodeRequest request, CancellationToken cancellationToken)
    {
        var users = request.Users!.ConvertAll(u => u.Trim());
        var created = await client.PostAsync(credentials, "externalcontact/add_contact_way",
            new { type = users.Count == 1 ? 1 : 2, scene = 2, state = request.State!.Trim(), user = users }, cancellationToken);
        return await SaveAsync(workspaceId, new WeComJoinCode
        {
            ChannelId = channelId,
            Kind = WeComCodeKind.ContactMe,
            ConfigId = created["config_id"]?.ToString() ?? throw new WeComException(-1, "add_contact_way answered without config_id"),
            State = request.State.Trim(),
            Targets = string.Join(',', users),
            QrCode = created["qr_code"]?.ToString(),
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes a 「联系我」 code on WeCom (<c>del_contact_way</c>), then Qunyun's record of it. A code WeCom no longer knows
    /// (41044, deleted there already) is removed here too; any other refusal keeps it and throws.
    /// </summary>
    public async Task<CodeDeletion> DeleteContactCodeAsync(Guid workspaceId, Guid channelId, WeComCredentials credentials, Guid codeId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var code = await db.WeComJoinCodes.FirstOrDefaultAsync(c => c.Id == codeId && c.ChannelId == channelId, cancellationToken);
        if (code is null)
        {
            return CodeDeletion.NotFound;
        }

        if (code.Kind != WeComCodeKind.ContactMe)
        {
            return CodeDeletion.NotContactCode;
        }

        try
        {
            await client.PostAsync(credentials, "externalcontact/del_contact_way", new { config_id = code.ConfigId }, cancellationToken);
        }
        catch (WeComException e) when (e.Code == UnknownConfigId)
        {
            // Already gone on WeCom: forget it here as well.
        }

        db.WeComJoinCodes.Remove(code);
        await db.SaveChangesAsync(cancellationToken);
        return CodeDeletion.Deleted;
    }

    public static JoinCodeResponse Response(WeComJoinCode c) =>
        new(c.Id, c.Kind, c.ConfigId, c.State, c.Targets.Split(',', StringSplitOptions.RemoveEmptyEntries), c.QrCode, c.CreatedAt);

    private static FieldErrors StateProblems(string? state)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(state) || state.Trim().Length > MaxState)
        {
            errors.Add("state", $"1 to {MaxState} characters: it names where members came from.");
        }

        return errors;
    }

    private async Task<JoinCodeResponse> SaveAsync(Guid workspaceId, WeComJoinCode code, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        code.Id = Guid.CreateVersion7(clock.GetUtcNow());
        code.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.WeComJoinCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        return Response(code);
    }
}
