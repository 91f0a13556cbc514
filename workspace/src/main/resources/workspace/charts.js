// Draws the agent page's trend charts with uPlot from the JSON the page embeds; the page is readable without it.
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
  // coaching sessions fall between window ends: a vertical line at the session's own time, on both charts
  var sessionLines = {
    hooks: {
      draw: [function (u) {
        var ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#1a7f37';
        ctx.lineWidth = 2 * devicePixelRatio;
        (d.sessions || []).forEach(function (s) {
          var x = Math.round(u.valToPos(s.t, 'x', true));
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
        });
        ctx.restore();
      }]
    }
  };
  var width = Math.max(280, holder.clientWidth);
  var opts = {
    width: width, height: 320, plugins: [sessionLines],
    scales: { y: { range: [0, 100] } },
    series: [{},
      { label: 'Soft', stroke: '#1d4ed8', width: 2 },
      { label: 'Hard', stroke: '#7c3aed', width: 2 },
      { label: 'Floor', stroke: '#b42318', dash: [8, 6] },
      { label: 'Baseline', stroke: '#1a7f37', dash: [2, 4] },
      { label: 'Alert', stroke: '#b42318', width: 0, points: { show: true, size: 10, fill: '#b42318' } }]
  };
  new uPlot(opts, [d.x, d.soft, d.hard, floor, baseline, marks], holder);

  var skillHolder = document.getElementById('skill-chart');
  var names = Object.keys(d.skills || {});
  if (!skillHolder || names.length === 0) { return; }
  var palette = ['#1d4ed8', '#7c3aed', '#c2410c', '#0f766e', '#a21caf', '#4d7c0f', '#be123c', '#0369a1'];
  var skillSeries = [{}].concat(names.map(function (n, i) {
    return { label: n, stroke: palette[i % palette.length], width: 2 };
  }));
  // clicking a skill in the legend hides or shows its line (uPlot's own series toggle)
  new uPlot({ width: width, height: 320, plugins: [sessionLines], scales: { y: { range: [0, 100] } }, series: skillSeries },
    [d.x].concat(names.map(function (n) { return d.skills[n]; })), skillHolder);
}());
