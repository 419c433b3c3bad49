using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Segments.TopicGroups;
using Qunyun.Features.Tags;

namespace Qunyun.Cli;

/// <summary>
/// <c>topic-groups --workspace main --interest 意大利酒 --min-weight 1.5 [--group-size 50] [--create --channel "Telegram bot"]</c>:
/// prints the proposed invitation lists; with <c>--create</c> also creates the groups and stores the lists (nothing is sent).
/// </summary>
internal static class TopicGroupsCommand
{
    public static Command Create(string[] configuration, QunyunCli.HostBuilder build)
    {
        var workspace = QunyunCli.WorkspaceOption();
        var interest = new Option<string>("--interest") { Description = "The interest tag (name or id).", Required = true };
        var minWeight = new Option<double>("--min-weight") { Description = "Members whose interest weight is at least this.", Required = true };
        var groupSize = new Option<int>("--group-size")
        {
            Description = "Members per group (default 50, the size under which a group interacts by itself).",
            DefaultValueFactory = _ => TopicGroupProposals.DefaultGroupSize,
        };
        var create = new Option<bool>("--create") { Description = "Create the groups and store their invitation lists." };
        var channel = new Option<string?>("--channel") { Description = "With --create: the channel the groups live on (name or id)." };
        var type = new Option<GroupType>("--type") { Description = "With --create: the groups' type (default LongTerm).", DefaultValueFactory = _ => GroupType.LongTerm };
        var name = new Option<string?>("--name") { Description = "With --create: the groups' name (default: the interest's name, numbered)." };
        var command = new Command("topic-groups", "Propose (or create) topic groups from an interest tag: the 知味意粉 case.")
        {
            workspace, interest, minWeight, groupSize, create, channel, type, name,
        };
        command.SetAction(parse => QunyunCli.Guarded(async () =>
        {
            await using var app = build(configuration, QunyunCli.OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await QunyunCli.FindWorkspaceAsync(scope.ServiceProvider, parse.GetRequiredValue(workspace));
            await using var db = scope.ServiceProvider.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
            var interestText = parse.GetRequiredValue(interest);
            var interestId = Guid.TryParse(interestText, out var parsedTag) ? parsedTag : Guid.Empty;
            var tagId = await FindAsync(db.Tags.Where(t => t.Name == interestText || t.Id == interestId).Select(t => (Guid?)t.Id),
                $"No tag '{interestText}' in the workspace.");
            var (proposal, errors) = await TopicGroupProposals.ProposeAsync(db, scope.ServiceProvider.GetRequiredService<InterestDecay>(), tagId, parse.GetValue(minWeight), parse.GetValue(groupSize), CancellationToken.None);
            if (proposal is null)
            {
                throw new StartupException(Describe(errors.ToProblem()));
            }

            Print(proposal);
            if (!parse.GetValue(create))
            {
                return 0;
            }

            var channelText = parse.GetValue(channel) ?? throw new StartupException("--create needs --channel.");
            var channelKey = Guid.TryParse(channelText, out var parsedChannel) ? parsedChannel : Guid.Empty;
            var channelId = await FindAsync(db.Channels.Where(c => c.Name == channelText || c.Id == channelKey).Select(c => (Guid?)c.Id),
                $"No channel '{channelText}' in the workspace.");
            var request = new CreateTopicGroupsRequest
            {
                InterestTagId = tagId,
                MinWeight = parse.GetValue(minWeight),
                GroupSize = parse.GetValue(groupSize),
                ChannelId = channelId,
                Type = parse.GetValue(type),
                Name = parse.GetValue(name),
            };
            var (created, problems) = await scope.ServiceProvider.GetRequiredService<CreateTopicGroups>().ExecuteAsync(db, request, CancellationToken.None);
            if (created is null)
            {
                throw new StartupException(Describe(problems.ToProblem()));
            }

            foreach (var group in created)
            {
                Console.WriteLine($"Created group '{group.Name}' ({group.GroupId}) with an invitation list of {group.Invitees} (list {group.InvitationListId}).");
            }

            Console.WriteLine("Invitations are not sent yet: the bot sends them once the channel's connector can.");
            return 0;
        }));
        return command;
    }

    private static void Print(TopicGroupProposal proposal)
    {
        Console.WriteLine($"'{proposal.InterestName}' ≥ {proposal.MinWeight.ToString(CultureInfo.InvariantCulture)}: {proposal.Matching} members, " +
            $"{proposal.AlreadyInvited} already invited, {proposal.Proposed} proposed in {proposal.Groups.Count} group(s) of up to {proposal.GroupSize}.");
        foreach (var group in proposal.Groups)
        {
            Console.WriteLine($"Group {group.Number} ({group.Invitees.Count}):");
            foreach (var invitee in group.Invitees)
            {
                Console.WriteLine($"  {invitee.Weight.ToString("0.###", CultureInfo.InvariantCulture),8}  {invitee.DisplayName}  {invitee.MemberId}");
            }
        }
    }

    private static async Task<Guid> FindAsync(IQueryable<Guid?> ids, string missing) =>
        await ids.FirstOrDefaultAsync() ?? throw new StartupException(missing);

    private static string Describe(Microsoft.AspNetCore.Http.HttpResults.ValidationProblem problem) =>
        string.Join(" ", problem.ProblemDetails.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));
}
