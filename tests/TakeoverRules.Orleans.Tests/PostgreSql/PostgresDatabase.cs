using Npgsql;

namespace TakeoverRules.Orleans.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL the storage tests run against: <c>TAKEOVERRULES_POSTGRES</c> holds its Npgsql connection string
/// (<c>export TAKEOVERRULES_POSTGRES="$(.ci/postgres-up)"</c>). In CI (<c>CI=true</c> or
/// <c>TAKEOVERRULES_REQUIRE_POSTGRES=1</c>, set by <c>.ci/run</c>) a missing database fails the tests; elsewhere they are skipped, loudly.
/// </summary>
internal static class PostgresDatabase
{
    public const string Variable = "TAKEOVERRULES_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool Required =>
        Environment.GetEnvironmentVariable("TAKEOVERRULES_REQUIRE_POSTGRES") == "1" ||
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"NO POSTGRESQL: {Variable} is not set, so the PostgreSQL storage and failover tests did not run. " +
        $"Run: export {Variable}=\"$(.ci/postgres-up)\"";

    /// <summary>The connection string; in CI, a missing one is a failure that says how to provide it.</summary>
    public static string Require() => ConnectionString ?? throw new InvalidOperationException(Missing);

    /// <summary>Rows of grain state that <paramref name="serviceId"/> has written to Orleans' storage table.</summary>
    public static async Task<long> StoredGrainsAsync(string serviceId)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansstorage WHERE serviceid = @s", connection);
        command.Parameters.AddWithValue("s", serviceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>A test that needs PostgreSQL: skipped with a loud reason outside CI when none is configured, run (and failing) in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (PostgresDatabase.ConnectionString is null && !PostgresDatabase.Required)
        {
            Skip = PostgresDatabase.Missing;
        }
    }
}
