using OrleansGateway;
using TakeoverRules;
using TakeoverRules.Detection;

// A pre-trade gateway and an Orleans silo in one process: POST /decide decides one event (an order, before it is
// routed) in the account's grain; POST /events ingests a batch of the other events. Listens on 127.0.0.1:5090
// (appsettings.json "Urls"; --urls http://127.0.0.1:0 picks a free port). State is kept in memory, or in PostgreSQL
// with --postgres "$(.ci/postgres-up)". With --load N it serves nothing and measures N order decisions instead.
// appsettings.json is read from beside the program wherever it is started from, unless --contentRoot says otherwise.
var contentRoot = new ConfigurationBuilder().AddCommandLine(args).Build()[WebHostDefaults.ContentRootKey] ?? AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--postgres"] = "OrleansGateway:Postgres",
    ["--instruments"] = "OrleansGateway:Instruments",
    ["--service-id"] = "OrleansGateway:ServiceId",
    ["--silo-port"] = "OrleansGateway:SiloPort",
    ["--gateway-port"] = "OrleansGateway:GatewayPort",
    ["--max-unpersisted"] = "OrleansGateway:MaxUnpersistedEvents",
    ["--load"] = "OrleansGateway:Load",
    ["--concurrency"] = "OrleansGateway:Concurrency",
    ["--accounts"] = "OrleansGateway:Accounts",
});
var settings = GatewaySettings.From(builder.Configuration);

if (settings.Load > 0)
{
    return await new LoadRun(settings, Console.Out).RunAsync();
}

builder.Services.AddTakeoverRules(builder.Configuration.GetSection("TakeoverRules"));
builder.Services.AddSingleton<IInstrumentSource>(GatewaySilo.LoadInstruments(settings.Instruments));
builder.UseOrleans(silo => GatewaySilo.Configure(silo, settings));

var app = builder.Build();
GatewayLog.Started(app.Logger, settings);
app.MapDecisions();
await app.RunAsync();
return 0;
