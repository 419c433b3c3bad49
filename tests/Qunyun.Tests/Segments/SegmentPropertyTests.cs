using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Segments;
using Qunyun.Features.Segments;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Segments;

/// <summary>The SQL the compiler produces selects exactly the members the reference evaluator selects, on either database.</summary>
public sealed class SegmentPropertyTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task CompiledSql_AgreesWithTheReferenceEvaluator_OnRandomDefinitions()
    {
        var ws = await app.CreateWorkspaceAsync("segments-property");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var world = await RandomWorld.BuildAsync(ws, now, seed: 20261123, members: 150);
        var segments = app.Services.GetRequiredService<SegmentEvaluator>();
        List<MemberFacts> facts;
        await using (var db = ws.OpenDb())
        {
            facts = await MemberFacts.LoadAsync(db);
        }

        await world.Definitions(now).SampleAsync(async definition =>
        {
            Assert.Empty(SegmentValidation.Validate(definition));
            await using var db = ws.OpenDb();
            var selected = (await segments.Members(db, definition, now).Select(m => m.Id).ToListAsync()).Order().ToList();

            var expected = facts.Where(m => ReferenceEvaluator.Matches(definition, m, now, segments.HalfLife)).Select(m => m.Id).Order().ToList();

            Assert.Equal(expected, selected);
        }, iter: 400, threads: 1, print: SegmentJson.Serialize);
    }
}
