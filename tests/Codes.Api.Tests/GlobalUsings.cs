global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using HealthCode.Api.Tests.Support;
global using HealthCode.Testing;
global using NUnit.Framework;
