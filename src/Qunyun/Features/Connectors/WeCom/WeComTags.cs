using System.Text.Json.Nodes;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// Reads WeCom's corporate tags (企业标签, type 1): those of one customer across the staff who added them, and the
/// corp's whole list. Personal tags (type 2) have no id and rule-group tags (type 3) are not in the corp's list, so
/// neither is mirrored.
/// </summary>
public sealed class WeComTags(WeComClient client)
{
    /// <summary>WeCom pages a customer's staff 500 at a time.</summary>
    private const int MaxPages = 20;

    public async Task<IReadOnlyList<PlatformTag>> OfContactAsync(WeComCredentials credentials, string externalUserId, CancellationToken cancellationToken)
    {
        var tags = new List<PlatformTag>();
        var cursor = "";
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await client.GetAsync(credentials, "externalcontact/get",
                new Dictionary<string, string> { ["external_userid"] = externalUserId, ["cursor"] = cursor }, cancellationToken);
            tags.AddRange(Items(answer["follow_user"]).SelectMany(user => Items(user["tags"]))
                .Where(t => t["type"]?.ToString() == "1" && t["tag_id"]?.ToString() is { Length: > 0 })
                .Select(t => new PlatformTag(t["tag_id"]!.ToString(), t["tag_name"]?.ToString() ?? "")));
            cursor = answer["next_cursor"]?.ToString() ?? "";
            if (cursor.Length == 0)
            {
                break;
            }
        }

        return tags.DistinctBy(t => t.Id).ToList();
    }

    public async Task<IReadOnlyList<PlatformTag>> OfCorpAsync(WeComCredentials credentials, CancellationToken cancellationToken)
    {
        var answer = await client.PostAsync(credentials, "externalcontact/get_corp_tag_list", new { }, cancellationToken);
        return Items(answer["tag_group"]).Where(Live).SelectMany(group => Items(group["tag"])).Where(Live)
            .Where(t => t["id"]?.ToString() is { Length: > 0 })
            .Select(t => new PlatformTag(t["id"]!.ToString(), t["name"]?.ToString() ?? ""))
            .ToList();
    }

    private static IEnumerable<JsonObject> Items(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonObject>();

    private static bool Live(JsonObject item) => item["deleted"]?.ToString() is not ("true" or "True");
}
