// Draws the agent page's trend chart with uPlot from the JSON the page embeds; the page is readable without it.
(function () {
  var holder = document.getElementById('chart');
  var source = document.getElementById('chart-data');
  if (!holder || !source || typeof uPlot === 'undefined') { return; }
  var d = JSON.parse(source.textContent);
  var floor = d.x.map(function () { return d.floor; });
  var baseline = d.x.map(function () { return d.baseline === undefined ? null : d.baseline; });
  var marks = d.x.map(function (t) {
    var hit = d.alerts.filter(function (a) { return Math.abs(a.t - t) < 43200; });
    return hit.length ? hit[0].score : null;
  });
  var opts = {
    width: Math.max(280, holder.clientWidth), height: 320,
    scales: { y: { range: [0, 100] } },
    series: [{},
      { label: 'Soft', stroke: '#1d4ed8', width: 2 },
      { label: 'Hard', stroke: '#7c3aed', width: 2 },
      { label: 'Floor', stroke: '#b42318', dash: [8, 6] },
      { label: 'Baseline', stroke: '#1a7f37', dash: [2, 4] },
      { label: 'Alert', stroke: '#b42318', width: 0, points: { show: true, size: 10, fill: '#b42318' } }]
  };
  new uPlot(opts, [d.x, d.soft, d.hard, floor, baseline, marks], holder);
}());
