using System.Globalization;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// Mass-send tasks (<c>externalcontact/add_msg_template</c>) within WeCom's caps: one enterprise mass message per
/// customer per day, and per customer group as many per month as the month has days (days and months in China's
/// time, UTC+8). A send past the cap is refused here with the reason, before WeCom is asked. WeCom does not send
/// the message itself: the staff member (or the group's owner) confirms it in their WeCom client.
/// </summary>
public sealed class WeComMassSends(WeComClient client, ChannelStateStore states, TimeProvider clock)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<DeliveryOutcome> ToCustomerAsync(ChannelSnapshot channel, WeComCredentials credentials, string customer, string text, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().ToOffset(ChinaOffset);
        var until = new DateTimeOffset(today.Date.AddDays(1), ChinaOffset).UtcDateTime;
        var key = $"mass:c:{Short(customer)}:{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return await WithinCapAsync(channel, key, 1, until, DeliveryReasons.Of(DeliveryReasons.WeComCustomerDailyCap, customer), () =>
            client.PostAsync(credentials, "externalcontact/add_msg_template",
                new { chat_type = "single", external_userid = new[] { customer }, text = new { content = text } }, cancellationToken), cancellationToken);
    }

    public async Task<DeliveryOutcome> ToGroupAsync(ChannelSnapshot channel, WeComCredentials credentials, string chat, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToOffset(ChinaOffset);
        var days = DateTime.DaysInMonth(now.Year, now.Month);
        var until = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, ChinaOffset).AddMonths(1).UtcDateTime;
        var key = $"mass:g:{Short(chat)}:{now.ToString("yyyyMM", CultureInfo.InvariantCulture)}";
        var cap = DeliveryReasons.Of(DeliveryReasons.WeComGroupMonthlyCap, chat, days.ToString(CultureInfo.InvariantCulture));
        return await WithinCapAsync(channel, key, days, until, cap, async () =>
        {
            // A group mass send goes out in the name of the group's owner, who confirms it.
            var group = await client.PostAsync(credentials, "externalcontact/groupchat/get", new { chat_id = chat }, cancellationToken);
            var owner = group["group_chat"]?["owner"]?.ToString();
            return await client.PostAsync(credentials, "externalcontact/add_msg_template",
                new { chat_type = "group", sender = owner, chat_id_list = new[] { chat }, text = new { content = text } }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>An id as it is, or hashed when it would not fit the nonce store's 80 characters with the rest of the key.</summary>
    private static string Short(string id) =>
        id.Length <= 48 ? id : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..48];

    private async Task<DeliveryOutcome> WithinCapAsync(
        ChannelSnapshot channel, string key, int capacity, DateTime until, DeliveryReason capReached,
        Func<Task<System.Text.Json.Nodes.JsonObject>> send, CancellationToken cancellationToken)
    {
        if (await states.TryTakeSlotAsync(channel.WorkspaceId, channel.Id, key, capacity, until, cancellationToken) is not { } slot)
        {
            return new DeliveryOutcome.PermanentFailure(capReached);
        }

        try
        {
            var answer = await send();
            return new DeliveryOutcome.Delivered(answer["msgid"]?.ToString());
        }
        catch (WeComException)
        {
            await states.ForgetNonceAsync(channel.WorkspaceId, channel.Id, slot, cancellationToken);
            throw;
        }
    }
}
