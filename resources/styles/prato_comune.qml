<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis symbologyReferenceScale="-1" minScale="100000000" simplifyDrawingHints="1" readOnly="0" hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories" maxScale="0" version="3.22.16-Białowieża" labelsEnabled="0" simplifyLocal="1" simplifyDrawingTol="1" simplifyAlgorithm="0" simplifyMaxScale="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal durationUnit="min" endExpression="" durationField="" enabled="0" mode="0" startField="" startExpression="" fixedDuration="0" limitMode="0" accumulate="0" endField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 forceraster="0" enableorderby="0" referencescale="-1" type="singleSymbol" symbollevels="0">
    <symbols>
      <symbol name="0" force_rhr="0" type="fill" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer enabled="1" class="SimpleFill" locked="0" pass="0">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="color" value="0,0,255,255" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="120,120,120,70" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="style" value="no" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="0,0,255,255"/>
          <prop k="joinstyle" v="round"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="120,120,120,70"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="no"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer enabled="1" class="SimpleFill" locked="0" pass="0">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="color" value="0,0,255,255" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="dash" type="QString"/>
            <Option name="outline_width" value="0.7" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="style" value="no" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="0,0,255,255"/>
          <prop k="joinstyle" v="round"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_style" v="dash"/>
          <prop k="outline_width" v="0.7"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="no"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="fid" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="name" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="minint_elettorale" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="minint_finloc" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="op_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="prov_name" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="prov_istat_code" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="prov_istat_code_num" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="prov_acr" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reg_name" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reg_istat_code" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reg_istat_code_num" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="opdm_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="com_catasto_code" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="com_istat_code" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="com_istat_code_num" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="fid" name="" index="0"/>
    <alias field="name" name="" index="1"/>
    <alias field="minint_elettorale" name="" index="2"/>
    <alias field="minint_finloc" name="" index="3"/>
    <alias field="op_id" name="" index="4"/>
    <alias field="prov_name" name="" index="5"/>
    <alias field="prov_istat_code" name="" index="6"/>
    <alias field="prov_istat_code_num" name="" index="7"/>
    <alias field="prov_acr" name="" index="8"/>
    <alias field="reg_name" name="" index="9"/>
    <alias field="reg_istat_code" name="" index="10"/>
    <alias field="reg_istat_code_num" name="" index="11"/>
    <alias field="opdm_id" name="" index="12"/>
    <alias field="com_catasto_code" name="" index="13"/>
    <alias field="com_istat_code" name="" index="14"/>
    <alias field="com_istat_code_num" name="" index="15"/>
  </aliases>
  <defaults>
    <default field="fid" applyOnUpdate="0" expression=""/>
    <default field="name" applyOnUpdate="0" expression=""/>
    <default field="minint_elettorale" applyOnUpdate="0" expression=""/>
    <default field="minint_finloc" applyOnUpdate="0" expression=""/>
    <default field="op_id" applyOnUpdate="0" expression=""/>
    <default field="prov_name" applyOnUpdate="0" expression=""/>
    <default field="prov_istat_code" applyOnUpdate="0" expression=""/>
    <default field="prov_istat_code_num" applyOnUpdate="0" expression=""/>
    <default field="prov_acr" applyOnUpdate="0" expression=""/>
    <default field="reg_name" applyOnUpdate="0" expression=""/>
    <default field="reg_istat_code" applyOnUpdate="0" expression=""/>
    <default field="reg_istat_code_num" applyOnUpdate="0" expression=""/>
    <default field="opdm_id" applyOnUpdate="0" expression=""/>
    <default field="com_catasto_code" applyOnUpdate="0" expression=""/>
    <default field="com_istat_code" applyOnUpdate="0" expression=""/>
    <default field="com_istat_code_num" applyOnUpdate="0" expression=""/>
  </defaults>
  <constraints>
    <constraint field="fid" notnull_strength="1" constraints="3" exp_strength="0" unique_strength="1"/>
    <constraint field="name" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="minint_elettorale" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="minint_finloc" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="op_id" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="prov_name" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="prov_istat_code" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="prov_istat_code_num" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="prov_acr" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="reg_name" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="reg_istat_code" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="reg_istat_code_num" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="opdm_id" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="com_catasto_code" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="com_istat_code" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint field="com_istat_code_num" notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="fid" exp="" desc=""/>
    <constraint field="name" exp="" desc=""/>
    <constraint field="minint_elettorale" exp="" desc=""/>
    <constraint field="minint_finloc" exp="" desc=""/>
    <constraint field="op_id" exp="" desc=""/>
    <constraint field="prov_name" exp="" desc=""/>
    <constraint field="prov_istat_code" exp="" desc=""/>
    <constraint field="prov_istat_code_num" exp="" desc=""/>
    <constraint field="prov_acr" exp="" desc=""/>
    <constraint field="reg_name" exp="" desc=""/>
    <constraint field="reg_istat_code" exp="" desc=""/>
    <constraint field="reg_istat_code_num" exp="" desc=""/>
    <constraint field="opdm_id" exp="" desc=""/>
    <constraint field="com_catasto_code" exp="" desc=""/>
    <constraint field="com_istat_code" exp="" desc=""/>
    <constraint field="com_istat_code_num" exp="" desc=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortOrder="0" actionWidgetStyle="dropDown" sortExpression="">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
