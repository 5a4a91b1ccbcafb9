/*
 * Playbook live preview: one event stream shared by every open preview tab.
 * A browser allows about six connections per host, so a stream per tab would
 * stall the seventh tab; tabs talk to this worker instead.
 */
"use strict";
var ports = [];
var source = null;
var hello = null;   // the latest "hello" (which server instance)
var problem = null; // the standing build problem, for tabs opened later

function broadcast(msg) {
  ports.forEach(function (p) { p.postMessage(msg); });
}

function connect() {
  source = new EventSource("/__playbook/events");
  source.addEventListener("hello", function (e) {
    hello = e.data;
    broadcast({ type: "hello", data: e.data });
  });
  source.addEventListener("change", function (e) {
    problem = null;
    broadcast({ type: "change", data: e.data });
  });
  source.addEventListener("problem", function (e) {
    problem = e.data;
    broadcast({ type: "problem", data: e.data });
  });
}

self.onconnect = function (e) {
  var port = e.ports[0];
  ports.push(port);
  port.onmessage = function (m) {
    if (m.data === "bye") {
      var i = ports.indexOf(port);
      if (i >= 0) ports.splice(i, 1);
    }
  };
  port.start();
  if (hello) port.postMessage({ type: "hello", data: hello });
  if (problem) port.postMessage({ type: "problem", data: problem });
  if (!source) connect();
};
