using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PublicitySite.Changes;

/// <summary>
/// PostgreSQL session advisory locks on a connection of their own: held while the work runs, released by
/// <c>pg_advisory_unlock</c>, or by the server when the holder's connection dies (a node killed mid-job).
/// </summary>
public sealed class PostgresJobLock(string connectionString) : IJobLock
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Unpooled(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key(job));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection, Key(job));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Waits for the lock (start-up work every node must do, but one at a time).</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, string job, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Unpooled(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", Key(job));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, Key(job));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A pooled connection would keep a session lock alive after it is returned: these are never pooled.</summary>
    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>A stable 64-bit key from the job's name (the same on every node).</summary>
    internal static long Key(string job) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("publicity:" + job)), 0);

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone: the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
