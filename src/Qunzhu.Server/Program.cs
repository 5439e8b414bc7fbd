using Qunzhu.Connectors.Bridge;
using Qunzhu.Connectors.Sandbox;
using Qunzhu.Connectors.Telegram;
using Qunzhu.Connectors.WeCom;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Engine;
using Qunzhu.Server.Admin;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Content;
using Qunzhu.Server.Startup;
using Qunzhu.Server.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("Qunzhu__");

builder.Services.AddQunzhuStorage(builder.Configuration);
builder.Services.AddQunzhuEngine();
builder.Services.AddQunzhuApi();
builder.Services.AddMediaStoreDefaults(builder.Configuration);
builder.Services.AddQunzhuConsole();
builder.Services.AddHostedService<StartupPhases>();   // back up → migrate → seed, before any worker
builder.Services.AddSandboxConnector();
builder.Services.AddTelegramConnector(builder.Configuration);
builder.Services.AddBridgeConnector();
builder.Services.AddWeComConnector();
builder.Services.AddQunzhuWorkers(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestLocalization();
app.UseAntiforgery();
app.MapQunzhuApi();
app.MapTelegramWebhooks();
app.MapBridgeWebhooks();
app.MapWeComWebhooks();
app.MapQunzhuConsole();

await app.RunAsync();

/// <summary>Entry point; public so tests can host the real server.</summary>
public partial class Program;
