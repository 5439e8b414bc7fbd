using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Engine.Delivery;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// How SQLite runs the dispatcher's round, on the schema the migrations make.
public sealed class DeliveryQueryPlanTests
{
    /// Every due action is asked whether an earlier action of its chat still waits (rate limit, backoff). Only the action at
    /// the head of a held chat waits, so the check is a seek to the chat's few actions due later. Were it a walk over
    /// everything queued before the action, a chat with k replies queued over its limit would cost k²/2 row reads a round.
    [Fact]
    public async Task DueActions_WaitingCheck_SeeksTheChatsActionsDueLater_NotEveryEarlierAction()
    {
        await using var server = new QunzhuServer();
        _ = server.CreateApiClient();
        await using var db = server.CreateDbContext();
        var query = OutboxDispatcher.Due(db, Guid.NewGuid(), [0, 1, 2], new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc), 500);

        var plan = await ExplainAsync(db, query.ToQueryString());

        plan.ShouldContain(step => step.Contains("IX_Outbox_Pending_AccountId_ChatId_NextAttemptAt (AccountId=? AND ChatId=? AND NextAttemptAt>?)",
            StringComparison.Ordinal), string.Join("\n", plan));
    }

    /// The steps of SQLite's plan for the SQL of <see cref="EntityFrameworkQueryableExtensions.ToQueryString"/>: its
    /// ".param set" lines become the command's parameters.
    private static async Task<List<string>> ExplainAsync(DbContext db, string queryString)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = queryString.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith('.') && !l.StartsWith("--", StringComparison.Ordinal)));
        List<string> steps = [];
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
