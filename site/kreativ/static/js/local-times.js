/* Moments in the reader's own time zone. The server writes a known time in the site's zone and
   names it (<time datetime="…" data-zone="Europe/Prague">16. září 2026 17:00 CEST</time>); a reader
   whose browser is in another zone sees the same moment in theirs, with that zone named. Days
   (deadlines known only as a date) carry no data-zone and are left alone: a day is no moment. */
(function () {
  "use strict";
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!reader) return;
  var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  document.querySelectorAll("time[data-zone]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (element.dataset.zone === reader || isNaN(moment.getTime())) return;
    element.title = element.textContent;
    element.textContent = format.format(moment);
  });
})();
