// Apache ECharts, served from /vendor/echarts.min.js when the build could install it from npm. A build without npm has
// no such file: loadCharts() then resolves to null and the overview shows the same data as tables only.
let loading = null;

export function loadCharts() {
  loading ??= new Promise(resolve => {
    if (window.echarts) return resolve(window.echarts);
    const script = document.createElement('script');
    script.src = '/vendor/echarts.min.js';
    script.onload = () => resolve(window.echarts ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
  return loading;
}

const font = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Draws one chart into `element` (SVG renderer: crisp text, and the marks are DOM the tests can see). `onPick` gets the
 * clicked item's params. The chart follows the element's width as the window changes.
 */
export function drawChart(echarts, element, option, onPick) {
  const chart = echarts.init(element, null, { renderer: 'svg', locale: 'ZH' });
  chart.setOption({ textStyle: { fontFamily: font }, animation: false, ...option });
  if (onPick) chart.on('click', onPick);
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}
