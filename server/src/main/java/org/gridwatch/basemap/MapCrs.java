package org.gridwatch.basemap;

/**
 * The coordinate system a base map's tiles are drawn in. CGCS2000 maps (天地图) count as {@link #WGS84}: the two
 * differ by centimetres. {@link #GCJ02} maps (AMap 高德, Tencent) are offset 300–600 m in mainland China, so the
 * web client shifts every overlay onto them and every click back.
 */
public enum MapCrs { WGS84, GCJ02 }
