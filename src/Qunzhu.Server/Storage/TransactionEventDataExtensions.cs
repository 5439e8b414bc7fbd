using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunzhu.Server.Storage;

internal static class TransactionEventDataExtensions
{
    /// The connection a finished transaction ran on (the transaction no longer knows it once it has ended).
    public static DbConnection? Connection(this TransactionEndEventData data, DbTransaction transaction) =>
        transaction.Connection ?? data.Context?.Database.GetDbConnection();
}
