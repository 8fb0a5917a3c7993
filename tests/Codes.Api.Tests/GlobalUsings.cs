global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using HealthCode.Api.Tests.Support;
global using NUnit.Framework;
global using HealthCode.Testing;
